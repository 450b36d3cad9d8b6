package grade

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/proxy"
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

// nbgraderCourse is an nbgrader course directory with one assignment, ps1,
// made from a source notebook by nbgrader's generate_assignment.
type nbgraderCourse struct {
	dir, py, name string
	release       *notebook.Notebook // nbgrader's student version
}

func newNbgraderCourse(t testing.TB, source string) *nbgraderCourse {
	t.Helper()
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "nbgrader")
	testenv.Kernel(t)
	c := &nbgraderCourse{dir: t.TempDir(), py: py, name: filepath.Base(source)}
	mustWrite(t, filepath.Join(c.dir, "nbgrader_config.py"), []byte(NbgraderConfig))
	src, err := os.ReadFile(source)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(c.dir, "source", "ps1", c.name), src)
	c.run(t, "generate_assignment", "ps1", "--force")
	if c.release, err = notebook.Read(filepath.Join(c.dir, "release", "ps1", c.name)); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *nbgraderCourse) run(t testing.TB, args ...string) {
	t.Helper()
	cmd := exec.Command(filepath.Join(filepath.Dir(c.py), "nbgrader"), args...)
	cmd.Dir = c.dir
	// nbgrader runs alembic from PATH: the venv's bin first.
	cmd.Env = append(os.Environ(), append(testenv.Offline, "JUPYTER_DATA_DIR="+testenv.DataDir(t),
		"PATH="+filepath.Dir(c.py)+string(os.PathListSeparator)+os.Getenv("PATH"))...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nbgrader %v: %v\n%s", args, err, out)
	}
}

// autograde submits each notebook as a student's and runs nbgrader's
// autograde; it returns the raw scores by student and how long it took.
func (c *nbgraderCourse) autograde(t testing.TB, subs map[string][]byte) (map[string]float64, time.Duration) {
	t.Helper()
	for student, data := range subs {
		mustWrite(t, filepath.Join(c.dir, "submitted", student, "ps1", c.name), data)
	}
	start := time.Now()
	c.run(t, "autograde", "ps1", "--create", "--force")
	took := time.Since(start)
	grades := filepath.Join(c.dir, "grades.csv")
	c.run(t, "export", "--to", grades)
	f, err := os.Open(grades)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	scores := map[string]float64{}
	for _, r := range rows[1:] {
		scores[r[col["student_id"]]], _ = strconv.ParseFloat(r[col["raw_score"]], 64)
	}
	return scores, took
}

// Wrong answers that earn part of their check cells' points, with nothing
// on stderr before the checks report: the 0 case of Count (4 of 5 points),
// the panic message of FirstOf (3 of 4).
const (
	countPartial   = "func Count(goroutines, each int) int { return max(goroutines*each, 1) }"
	firstOfPartial = `func FirstOf(jobs ...func() int) int {
	if len(jobs) == 0 {
		panic("empty")
	}
	results := make(chan int, len(jobs))
	for _, j := range jobs {
		go func() { results <- j() }()
	}
	return <-results
}`
)

// TestNbgraderAgrees runs the real nbgrader (pinned in requirements.txt):
// generate_assignment on the sample, then autograde on two submissions
// made from its release with the fearless kernel, and fearless grade on the
// same files: the scores agree, cell by cell, partial credit included (the
// kernel gives a check cell's points as its execute_result, which nbgrader
// reads). Alice's count is partly right and her first-of is the stub; Bob's
// count is right and his first-of partly right.
func TestNbgraderAgrees(t *testing.T) {
	testenv.Integration(t)
	course := newNbgraderCourse(t, sample)
	ref, _ := exercise.Read(sample)
	subs := map[string][]byte{}
	dir := t.TempDir()
	right := func(id string) string { return ref.NB.Cells[ref.Exercise(id).Solution].Source }
	for student, sols := range map[string]map[string]string{
		"alice": {"count": countPartial},
		"bob":   {"count": right("count"), "first-of": firstOfPartial},
	} {
		nb, _ := notebook.Parse(mustMarshal(t, course.release))
		for id, src := range sols {
			setSolution(nb, id, src)
		}
		subs[student] = mustMarshal(t, nb)
		mustWrite(t, filepath.Join(dir, student+".ipynb"), subs[student])
	}
	nbScore, took := course.autograde(t, subs)
	t.Logf("nbgrader autograde: %s", took.Round(time.Millisecond))

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	out := t.TempDir()
	class, err := Grade(ctx, options(t, dir, out))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("fearless grade: %s", time.Since(start).Round(time.Millisecond))
	// Each check cell's points (count-check 5, first-of-check 4), earned.
	want := map[string]map[string]float64{
		"alice": {"count-check": 4, "first-of-check": 0},
		"bob":   {"count-check": 5, "first-of-check": 3},
	}
	points := map[string]float64{"count-check": 5, "first-of-check": 4}
	partial := 0
	gradebook := course.cellScores(t)
	for _, s := range class.Submissions {
		total := 0.0
		cells := gradebook[s.Name]
		for cell, w := range want[s.Name] {
			total += w
			fg := -1.0
			if e := s.ex(strings.TrimSuffix(cell, "-check")); e != nil {
				fg = e.Score
			}
			if got, ok := cells[cell]; !ok || got != fg || got != w {
				t.Errorf("%s's %s: nbgrader %v (in its gradebook: %v), fearless grade %v, want %v of %v", s.Name, cell, got, ok, fg, w, points[cell])
			}
			if got := cells[cell]; got > 0 && got < points[cell] {
				partial++
			}
		}
		if s.Score != nbScore[s.Name] || s.Score != total {
			t.Errorf("%s: fearless grade %v, nbgrader %v, want %v\n%s", s.Name, s.Score, nbScore[s.Name], total, s.everything())
		}
	}
	if partial != 2 {
		t.Errorf("%d check cells scored strictly between 0 and their points in nbgrader, want 2 (alice's count, bob's first-of)", partial)
	}
	// fearless grade's feedback keeps the check blocks and leaves out the
	// kernel's points (nbgrader's), as before there were any.
	fb, err := notebook.Read(filepath.Join(out, "bob", "feedback.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for _, c := range fb.Cells {
		for _, o := range c.Outputs {
			if _, ok := o.Data[check.ResultMIME]; ok {
				blocks++
			}
			if _, ok := o.Metadata[proxy.CheckPointsKey]; ok || o.OutputType == notebook.ExecuteResult {
				t.Errorf("bob's feedback has the kernel's points: %v", o.Data)
			}
		}
	}
	if blocks != 2 {
		t.Errorf("bob's feedback has %d check blocks, want 2", blocks)
	}
}

// cellScores reads every student's autograded score of every grade cell
// from nbgrader's gradebook: by student, by grade cell.
func (c *nbgraderCourse) cellScores(t testing.TB) map[string]map[string]float64 {
	t.Helper()
	script := `import json, sys
from nbgrader.api import Gradebook
with Gradebook("sqlite:///gradebook.db") as gb:
    out = {}
    for s in gb.students:
        nb = gb.find_submission_notebook(sys.argv[1], "ps1", s.id)
        out[s.id] = {g.name: g.score for g in nb.grades}
    print(json.dumps(out))
`
	cmd := exec.Command(c.py, "-c", script, strings.TrimSuffix(c.name, ".ipynb"))
	cmd.Dir = c.dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("reading nbgrader's gradebook: %v\n%s", err, out)
	}
	scores := map[string]map[string]float64{}
	if err := json.Unmarshal(out, &scores); err != nil {
		t.Fatalf("nbgrader's gradebook: %v: %s", err, out)
	}
	return scores
}

// setSolution puts source in the solution cell with grade_id id.
func setSolution(nb *notebook.Notebook, id, source string) {
	for _, c := range nb.Cells {
		if m, _ := exercise.MetaOf(c); m != nil && m.GradeID == id {
			c.Source = source
		}
	}
}

func mustWrite(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustMarshal(t testing.TB, nb *notebook.Notebook) []byte {
	t.Helper()
	b, err := notebook.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
