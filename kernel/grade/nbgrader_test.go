package grade

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// NbgraderConfig is the nbgrader configuration for Go notebooks that the
// README shows (nbgrader_config.py).
const NbgraderConfig = `c = get_config()
c.CourseDirectory.course_id = "fearless"
# Go: the stub that replaces a solution, and the markers (Go comments).
c.ClearSolutions.code_stub = {"go": 'panic("not implemented") // TODO: your code here'}
c.ClearSolutions.begin_solution_delimeter = "// BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "// END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "// BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "// END HIDDEN TESTS"
# A check cell builds a Go program (with -race): give it time.
c.Execute.timeout = 300
`

// TestNbgraderAgrees runs the real nbgrader (pinned in requirements.txt):
// generate_assignment on the sample, then autograde on two submissions
// made from its release (one exercise solved; both solved) with the
// fearless kernel, and fearless grade on the same files: the scores agree.
func TestNbgraderAgrees(t *testing.T) {
	testenv.Integration(t)
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "nbgrader")
	testenv.Kernel(t)
	course := t.TempDir()
	if err := os.WriteFile(filepath.Join(course, "nbgrader_config.py"), []byte(NbgraderConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(sample)
	mustWrite(t, filepath.Join(course, "source", "ps1", "counter.ipynb"), src)
	nbgrader := func(args ...string) {
		t.Helper()
		cmd := exec.Command(filepath.Join(filepath.Dir(py), "nbgrader"), args...)
		cmd.Dir = course
		// nbgrader runs alembic from PATH: the venv's bin first.
		cmd.Env = append(os.Environ(), append(testenv.Offline, "JUPYTER_DATA_DIR="+testenv.DataDir(t),
			"PATH="+filepath.Dir(py)+string(os.PathListSeparator)+os.Getenv("PATH"))...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("nbgrader %v: %v\n%s", args, err, out)
		}
	}
	nbgrader("generate_assignment", "ps1", "--force")
	release, err := notebook.Read(filepath.Join(course, "release", "ps1", "counter.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := exercise.Read(sample)
	// alice solves count; bob solves both.
	subs := t.TempDir()
	for student, solved := range map[string][]string{"alice": {"count"}, "bob": {"count", "first-of"}} {
		nb, _ := notebook.Parse(mustMarshal(t, release))
		for _, id := range solved {
			ex := ref.Exercise(id)
			for _, c := range nb.Cells {
				if m, _ := exercise.MetaOf(c); m != nil && m.GradeID == id {
					c.Source = ref.NB.Cells[ex.Solution].Source
				}
			}
		}
		data := mustMarshal(t, nb)
		mustWrite(t, filepath.Join(course, "submitted", student, "ps1", "counter.ipynb"), data)
		mustWrite(t, filepath.Join(subs, student+".ipynb"), data)
	}
	start := time.Now()
	nbgrader("autograde", "ps1", "--create")
	nbgrader("export", "--to", filepath.Join(course, "grades.csv"))
	t.Logf("nbgrader autograde: %s", time.Since(start).Round(time.Millisecond))
	f, err := os.Open(filepath.Join(course, "grades.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	nbScore := map[string]float64{}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		nbScore[r[col["student_id"]]], _ = strconv.ParseFloat(r[col["raw_score"]], 64)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start = time.Now()
	class, err := Grade(ctx, options(t, subs, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("fearless grade: %s", time.Since(start).Round(time.Millisecond))
	want := map[string]float64{"alice": 5, "bob": 9}
	for _, s := range class.Submissions {
		if s.Score != nbScore[s.Name] || s.Score != want[s.Name] {
			t.Errorf("%s: fearless grade %v, nbgrader %v, want %v\n%s", s.Name, s.Score, nbScore[s.Name], want[s.Name], s.everything())
		}
	}
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustMarshal(t *testing.T, nb *notebook.Notebook) []byte {
	t.Helper()
	b, err := notebook.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
