package exercise

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/runner"
)

// TestProve proves every exercise of the course (whatever notebooks/ holds
// now) and of the sample: each reference solution scores full marks, each
// wrong answer fails a check, each student version fails calmly, and — on
// the course — every applicable mutant of each reference solution fails a
// check: the run must end with "mutants: K killed of N applicable (100%)".
func TestProve(t *testing.T) {
	spec := testenv.Kernel(t)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Minute)
	defer cancel()
	opts := ProveOptions{
		Runner: runner.Options{Env: testenv.Offline, FindSpec: func(name string) (*kernelspec.Spec, error) {
			return kernelspec.FindIn([]string{filepath.Dir(spec.Dir)}, name)
		}},
		Progress: func(nb string, v *VariantResult) { t.Log(v.Line(nb)) },
	}
	proofs := []*Proof{prove(ctx, t, []string{"../testdata/exercise"}, opts)}
	if nbs, _ := filepath.Glob("../../notebooks/*.ipynb"); len(nbs) > 0 {
		opts.Mutants = true
		course := prove(ctx, t, []string{"../../notebooks"}, opts)
		proofs = append(proofs, course)
		killed, applicable := course.MutantScore()
		var text strings.Builder
		course.WriteText(&text)
		lines := strings.Split(strings.TrimSpace(text.String()), "\n")
		if last := lines[len(lines)-1]; killed != applicable || applicable == 0 || !strings.HasSuffix(last, "applicable (100%)") {
			t.Errorf("the course's mutants: %d killed of %d applicable; the last line reads %q", killed, applicable, last)
		}
	}
	sample := 0
	for _, proof := range proofs {
		for _, n := range proof.Notebooks {
			for _, p := range n.Problems {
				t.Errorf("%s", p.Error())
			}
			if n.Err != nil {
				t.Errorf("%s: %v", n.Path, n.Err)
			}
			for _, v := range n.Variants {
				if !v.OK {
					t.Errorf("%s: %s: %s", n.Path, v.Variant, v.Problem)
				}
				if strings.HasSuffix(n.Path, "counter.ipynb") && v.OK {
					sample++
					if v.Kind == KindReference && v.Exercise == "count" {
						checkOutputs(t, v)
					}
				}
			}
		}
	}
	if sample != 11 {
		t.Errorf("the sample proved %d variants, want 11 (2 references, 2 as graded, 5 wrong answers, 2 student versions)", sample)
	}
}

// prove runs Prove and logs its report.
func prove(ctx context.Context, t *testing.T, paths []string, opts ProveOptions) *Proof {
	t.Helper()
	proof, err := Prove(ctx, paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	proof.WriteText(&text)
	t.Log("\n" + text.String())
	return proof
}

// checkOutputs checks what a check cell showed: one display_data with the
// HTML block, the text block and the result, valid for nbformat's own
// validator (the result is a JSON string under a +json MIME type).
func checkOutputs(t *testing.T, v *VariantResult) {
	t.Helper()
	c := v.Cells[len(v.Cells)-1]
	var displays []*notebook.Output
	for _, o := range c.Outputs {
		if o.OutputType == notebook.DisplayData {
			displays = append(displays, o)
		}
	}
	if len(displays) != 1 {
		t.Fatalf("check cell outputs: %+v, want one display_data", c.Outputs)
	}
	d := displays[0].Data
	html, _ := d["text/html"].(string)
	text, _ := d["text/plain"].(string)
	if _, ok := d[check.ResultMIME].(string); !ok || !strings.Contains(html, "fearless-check") || !strings.HasPrefix(text, "✓ count: 5/5 points") {
		t.Fatalf("display_data %v", d)
	}
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	cell := nb.Add(notebook.NewCode("%%"))
	cell.Outputs = c.Outputs
	path := filepath.Join(t.TempDir(), "outputs.ipynb")
	if err := notebook.Write(path, nb); err != nil {
		t.Fatal(err)
	}
	testenv.ValidateNotebooks(t, path)
}

// cellWith returns a check cell's result carrying r as a notebook stores it.
func cellWith(status runner.Status, r *check.Result, stderr string) *runner.CellResult {
	c := &runner.CellResult{Status: status, Stderr: stderr}
	if r != nil {
		raw, _ := json.Marshal(r)
		c.Outputs = append(c.Outputs, notebook.NewDisplay(map[string]any{check.ResultMIME: string(raw), "text/plain": check.Text(r)}, nil, nil))
	}
	return c
}

func result(checks ...check.Check) *check.Result {
	r := &check.Result{Version: check.ResultVersion, GradeID: "count", Checks: checks}
	for _, c := range checks {
		r.Score += c.Points
		r.MaxScore += c.MaxPoints
	}
	return r
}

var (
	passed  = check.Check{Name: "one", Passed: true, Status: check.StatusPassed, Points: 1, MaxPoints: 1}
	failed  = check.Check{Name: "two", Status: check.StatusFailed, Message: "got 1, want 2", MaxPoints: 1}
	notImpl = check.Check{Name: "two", Status: check.StatusNotImplemented, Message: "not implemented yet", MaxPoints: 1}
	panicky = check.Check{Name: "two", Status: check.StatusPanicked, Message: "panicked: boom", MaxPoints: 1}
)

func TestJudge(t *testing.T) {
	ok := &runner.CellResult{Status: runner.OK}
	broken := &runner.CellResult{Status: runner.Failed, Error: &runner.ErrorInfo{Name: "ERROR", Value: "undefined: x"}}
	cases := []struct {
		name  string
		kind  Kind
		setup []*runner.CellResult
		cells []*runner.CellResult
		want  string // "" for OK, else part of the problem
	}{
		{"reference passes", KindReference, []*runner.CellResult{ok}, []*runner.CellResult{ok, cellWith(runner.OK, result(passed, passed), "")}, ""},
		{"reference fails", KindReference, nil, []*runner.CellResult{ok, cellWith(runner.Failed, result(passed, failed), "")}, "the reference solution fails: two (failed: got 1, want 2)"},
		{"reference points differ", KindReference, nil, []*runner.CellResult{ok, cellWith(runner.OK, result(passed), "")}, "its checks are worth 1 points, but its nbgrader points are 2"},
		{"declaration cell fails", KindReference, []*runner.CellResult{broken}, []*runner.CellResult{ok, ok}, "a declaration cell the exercise needs failed: undefined: x"},
		{"wrong answer caught", KindWrong, nil, []*runner.CellResult{ok, cellWith(runner.Failed, result(passed, failed), "")}, ""},
		{"wrong answer passes", KindWrong, nil, []*runner.CellResult{ok, cellWith(runner.OK, result(passed, passed), "")}, "passed every check (2/2): the checks do not catch this wrong answer"},
		{"wrong answer crashes the program", KindWrong, nil, []*runner.CellResult{ok, cellWith(runner.Failed, nil, "fatal error: concurrent map writes\n")}, ""},
		{"wrong answer breaks the check cell", KindWrong, nil, []*runner.CellResult{ok, {Status: runner.Failed, Error: &runner.ErrorInfo{Value: "undefined: Count"}}}, "the check cell did not run its checks (does the wrong answer keep the solution's names and signatures?)"},
		{"wrong answer does not compile", KindWrong, nil, []*runner.CellResult{broken, ok}, "the wrong answer (it must compile"},
		{"student calm", KindStudent, nil, []*runner.CellResult{ok, cellWith(runner.Failed, result(passed, notImpl), "")}, ""},
		{"student panics", KindStudent, nil, []*runner.CellResult{ok, cellWith(runner.Failed, result(passed, panicky), "")}, `not calm: check "two" says panicked: panicked: boom`},
		{"student stack trace", KindStudent, nil, []*runner.CellResult{ok, cellWith(runner.Failed, result(notImpl), "goroutine 1 [running]:\n")}, "not calm: check cell 1 printed a stack trace: goroutine 1 [running]:"},
		{"student passes", KindStudent, nil, []*runner.CellResult{ok, cellWith(runner.OK, result(passed), "")}, "the student version passes every check"},
		{"student stub does not compile", KindStudent, nil, []*runner.CellResult{broken, ok}, "the student's stub (it must compile) failed"},
		{"mutant killed", KindMutant, nil, []*runner.CellResult{ok, cellWith(runner.Failed, result(passed, failed), "")}, ""},
		{"mutant crashes the program", KindMutant, nil, []*runner.CellResult{ok, cellWith(runner.Failed, nil, "fatal error: concurrent map writes\n")}, ""},
		{"mutant survives", KindMutant, nil, []*runner.CellResult{ok, cellWith(runner.OK, result(passed, passed), "")}, "survived: passed every check (2/2)"},
		{"mutant does not build", KindMutant, nil, []*runner.CellResult{ok, {Status: runner.Failed, Error: &runner.ErrorInfo{Value: "undefined: g"}}}, "stillborn"},
	}
	for _, tc := range cases {
		pl := &plan{variant: &VariantResult{Variant: Variant{Exercise: "count", Kind: tc.kind}}, ex: &Exercise{ID: "count"}, checks: []float64{2}}
		judge(pl, tc.setup, tc.cells)
		v := pl.variant
		switch {
		case tc.want == "" && !v.OK:
			t.Errorf("%s: not OK: %s", tc.name, v.Problem)
		case tc.want != "" && (v.OK || !strings.Contains(v.Problem, tc.want)):
			t.Errorf("%s: OK=%v problem %q, want %q", tc.name, v.OK, v.Problem, tc.want)
		}
	}
}

// TestProveWithoutKernel: when no kernel can run a notebook, every variant
// says so, and the proof fails.
func TestProveWithoutKernel(t *testing.T) {
	proof, err := Prove(context.Background(), []string{"../testdata/exercise/counter.ipynb"}, ProveOptions{
		Runner: runner.Options{FindSpec: func(name string) (*kernelspec.Spec, error) {
			return nil, &kernelspec.NotFoundError{Name: name}
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if proof.OK() || len(proof.Notebooks) != 1 || len(proof.Notebooks[0].Variants) != 11 {
		t.Fatalf("proof: %+v", proof)
	}
	for _, v := range proof.Notebooks[0].Variants {
		if v.OK || !strings.Contains(v.Problem, "not run: ") || !strings.Contains(v.Problem, "fearless install") {
			t.Errorf("%s: %q", v.Variant, v.Problem)
		}
	}
	var out strings.Builder
	proof.WriteText(&out)
	if !strings.Contains(out.String(), "fearless prove: FAILED: 1 notebooks, 11 variants, 11 misbehaved") {
		t.Errorf("summary:\n%s", out.String())
	}
}
