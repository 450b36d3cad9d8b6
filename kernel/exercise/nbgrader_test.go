package exercise

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// nbgraderScript asks the real nbgrader about notebooks: its metadata
// validator, its checksums, the cells its validator sees as changed, and —
// for the notebooks named after "--run" — its full validation, which runs
// the notebook on the kernel. It prints one JSON object.
const nbgraderScript = `
import json, sys, nbformat
from traitlets.config import Config
from nbgrader import utils
from nbgrader.nbgraderformat import MetadataValidator
from nbgrader.validator import Validator

args = sys.argv[1:]
run = args[args.index("--run") + 1:] if "--run" in args else []
paths = [a for a in args if a != "--run"]
c = Config()
c.Execute.timeout = 600
out = {}
for path in paths:
    nb = nbformat.read(path, as_version=4)
    res = {}
    try:
        MetadataValidator().validate_nb(nb)
        res["metadata"] = "ok"
    except Exception as e:
        res["metadata"] = str(e)
    res["checksums"] = {cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader.get("checksum") == utils.compute_checksum(cell)
        for cell in nb.cells if utils.is_grade(cell) or utils.is_solution(cell) or utils.is_locked(cell)}
    res["changed"] = len(Validator()._get_changed_cells(nb))
    if path in run:
        res["validate"] = {k: len(v) for k, v in Validator(config=c).validate(path).items()}
    out[path] = res
print(json.dumps(out))
`

type nbgraderVerdict struct {
	Metadata  string          `json:"metadata"`
	Checksums map[string]bool `json:"checksums"`
	Changed   int             `json:"changed"`
	Validate  map[string]int  `json:"validate"`
}

// TestNbgraderAcceptsAssign hands the sample's student version to nbgrader
// 0.9.6 (pinned in requirements.txt): its metadata validator accepts it,
// every checksum is the one nbgrader computes, and nbgrader's validator,
// running it on the fearless kernel, finds the unsolved version failing its
// checks and the solved version passing them, with no locked cell changed.
// A check cell edited by the learner is caught as changed.
func TestNbgraderAcceptsAssign(t *testing.T) {
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "nbgrader")
	spec := testenv.Kernel(t)
	dir := t.TempDir()
	student := filepath.Join(dir, "student.ipynb")
	if _, err := Assign("../testdata/exercise/counter.ipynb", student); err != nil {
		t.Fatal(err)
	}
	// The learner solves it: the reference solutions in the solution cells.
	src, err := Read("../testdata/exercise/counter.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	solved, _ := notebook.Read(student)
	tampered, _ := notebook.Read(student)
	for _, ex := range src.Exercises {
		solved.Cells[ex.Solution].Source = src.NB.Cells[ex.Solution].Source
		tampered.Cells[ex.Checks[0]].Source += "\n// the learner made the check pass"
	}
	for name, nb := range map[string]*notebook.Notebook{"solved.ipynb": solved, "tampered.ipynb": tampered} {
		if err := notebook.Write(filepath.Join(dir, name), nb); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(py, "-c", nbgraderScript, "tampered.ipynb", "--run", "student.ipynb", "solved.ipynb")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "JUPYTER_PATH="+filepath.Dir(filepath.Dir(spec.Dir)), "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("nbgrader: %v\n%s\n%s", err, out, lastLines(stderr, 30))
	}
	var got map[string]nbgraderVerdict
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, name := range []string{"student.ipynb", "solved.ipynb", "tampered.ipynb"} {
		v := got[name]
		if v.Metadata != "ok" {
			t.Errorf("%s: nbgrader's metadata validator: %s", name, v.Metadata)
		}
		if len(v.Checksums) != 4 {
			t.Errorf("%s: checksums %v, want 4 exercise cells", name, v.Checksums)
		}
		for id, ok := range v.Checksums {
			edited := name == "tampered.ipynb" && strings.HasSuffix(id, CheckSuffix) || // the learner edited it
				name == "solved.ipynb" && !strings.HasSuffix(id, CheckSuffix) // the learner solved it
			if ok == edited {
				t.Errorf("%s: cell %s: checksum matches nbgrader's: %v, want %v", name, id, ok, !edited)
			}
		}
	}
	if v := got["student.ipynb"]; v.Changed != 0 || v.Validate["failed"] != 2 || v.Validate["changed"] != 0 {
		t.Errorf("student version: %+v, want both check cells failed and nothing changed", v)
	}
	if v := got["solved.ipynb"]; v.Changed != 0 || len(v.Validate) != 0 {
		t.Errorf("solved version: %+v, want nbgrader to find nothing wrong", v)
	}
	if v := got["tampered.ipynb"]; v.Changed != 2 {
		t.Errorf("tampered version: %+v, want both check cells changed", v)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
