package proxy

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// jlabMeta is an execute_request's metadata as JupyterLab 4 sends it: the
// cell's metadata, deletedCells, recordTiming and cellId.
func jlabMeta(t testing.TB, cellID string, nbgrader map[string]any, deleted ...string) []byte {
	t.Helper()
	m := map[string]any{"cellId": cellID, "deletedCells": append([]string{}, deleted...), "recordTiming": false}
	if nbgrader != nil {
		m["nbgrader"] = nbgrader
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// content is an execute_request's content for code.
func content(code string) []byte {
	b, _ := json.Marshal(map[string]any{"code": code, "silent": false})
	return b
}

func solutionMeta(id string, allow ...string) map[string]any {
	m := map[string]any{"grade": false, "grade_id": id, "locked": false, "schema_version": 3, "solution": true}
	if len(allow) > 0 {
		m["fearless_allow"] = allow
	}
	return m
}

func checkMeta(id string) map[string]any {
	return map[string]any{"grade": true, "grade_id": id, "locked": true, "points": 1, "schema_version": 3, "solution": false}
}

func TestPresubmitVerdicts(t *testing.T) {
	const osSolution = "// Answer returns the answer.\nfunc Answer() int {\n\treturn len(os.Args) + Base\n}"
	const clean = "func Answer() int { return Base + 2 }"
	const want = PresubmitPrefix + "answer: line 3: your code uses package os, which this exercise does not allow\n"
	steps := []struct {
		name, msgID, cellID string
		nbgrader            map[string]any
		deleted             []string
		code                string
		noCellID            bool
		want                string
	}{
		{name: "declarations", cellID: "decl", code: "const Base = 40"},
		{name: "solution using os", cellID: "sol", nbgrader: solutionMeta("answer"), code: osSolution, want: want},
		{name: "its check", cellID: "chk", nbgrader: checkMeta("answer-check"), code: "%%\nfmt.Println(Answer())", want: want},
		{name: "a second check", cellID: "chk2", nbgrader: checkMeta("answer-check-2"), code: "%%\nfmt.Println(Answer())", want: want},
		{name: "a cell of no exercise", cellID: "demo", code: "%%\nfmt.Println(os.Args)"},
		{name: "no cellId (fearless run, grade)", noCellID: true, nbgrader: solutionMeta("answer"), code: osSolution},
		{name: "os allowed by the exercise", cellID: "sol", nbgrader: solutionMeta("answer", "os"), code: osSolution},
		{name: "a gonb command", cellID: "sol", nbgrader: solutionMeta("answer"), code: "!ls\n" + clean,
			want: PresubmitPrefix + "answer: line 1: your code has a gonb command line (!ls), which graded cells may not run\n"},
		{name: "clean solution", cellID: "sol", nbgrader: solutionMeta("answer"), code: clean},
		{name: "check after the clean solution", cellID: "chk", nbgrader: checkMeta("answer-check"), code: "%%\nfmt.Println(Answer())"},
		{name: "an instructor's cell imports os", cellID: "decl", code: "import \"os\"\n\nconst Base = 40\nvar _ = os.Args"},
		{name: "the solution names a variable the instructor declares", cellID: "sol", nbgrader: solutionMeta("answer"), code: "func Answer() int { return len(os.Args) }",
			want: PresubmitPrefix + "answer: line 1: your code uses package os, which this exercise does not allow\n"},
		{name: "the instructor's cell deleted, the solution moved to a new cell", cellID: "sol-copy", nbgrader: solutionMeta("answer"), deleted: []string{"decl", "sol"}, code: "func Answer() int { return 42 }"},
		{name: "check of an exercise whose solution never ran", cellID: "other", nbgrader: checkMeta("other-check"), code: "%%\nfmt.Println(1)"},
	}
	var s presubmit
	s.init()
	for i, st := range steps {
		meta := jlabMeta(t, st.cellID, st.nbgrader, st.deleted...)
		if st.noCellID {
			meta, _ = json.Marshal(map[string]any{"nbgrader": st.nbgrader})
		}
		id := "msg-" + st.name
		s.request(id, meta, content(st.code))
		if got := s.idle(id); got != st.want {
			t.Errorf("step %d, %s: got %q, want %q", i, st.name, got, st.want)
		}
	}
	if len(s.pending) != 0 {
		t.Errorf("verdicts left pending: %d", len(s.pending))
	}
}

// BenchmarkPresubmit measures what the guard costs the proxy per
// execute_request, with every code cell of the course's largest notebook
// run once (08: 20 code cells, 3 exercises), as ratios against an ordinary
// cell's request (no cellId: what fearless run and grade send):
//   - plain: a cell of no exercise from JupyterLab (its source remembered);
//   - solution-cold: a solution cell changed each time (the guard type-checks);
//   - solution-cached: a solution cell run again unchanged (verdict cached).
func BenchmarkPresubmit(b *testing.B) {
	nb, err := notebook.Read("../../notebooks/08-mutual-exclusion.ipynb")
	if err != nil {
		b.Fatal(err)
	}
	content := func(code string) []byte { c, _ := json.Marshal(map[string]any{"code": code}); return c }
	var s presubmit
	s.init()
	var sol *notebook.Cell
	for i, c := range nb.Cells {
		if c.CellType != notebook.Code {
			continue
		}
		meta := maps.Clone(c.Metadata)
		meta["cellId"], meta["deletedCells"] = c.ID, []string{}
		mb, _ := json.Marshal(meta)
		id := fmt.Sprint("setup-", i)
		s.request(id, mb, content(c.Source))
		s.idle(id)
		if g, _ := c.Metadata["nbgrader"].(map[string]any); g != nil && g["solution"] == true && sol == nil {
			sol = c
		}
	}
	sm := maps.Clone(sol.Metadata)
	sm["cellId"], sm["deletedCells"] = sol.ID, []string{}
	solMeta, _ := json.Marshal(sm)
	plainMeta, _ := json.Marshal(map[string]any{"cellId": "a-plain-cell", "deletedCells": []string{}})
	run := func(meta []byte, code func(i int) string) float64 {
		start := time.Now()
		for i := 0; i < b.N; i++ {
			s.request("m", meta, content(code(i)))
			s.idle("m")
		}
		return float64(time.Since(start).Nanoseconds()) / float64(b.N)
	}
	base := run([]byte(`{}`), func(int) string { return "%%\nfmt.Println(1)" })
	plain := run(plainMeta, func(int) string { return "%%\nfmt.Println(1)" })
	cold := run(solMeta, func(i int) string { return fmt.Sprintf("%s\n// %d", sol.Source, i) })
	cached := run(solMeta, func(int) string { return sol.Source })
	b.ReportMetric(base, "ordinary-ns/cell")
	b.ReportMetric(plain/base, "plain-x")
	b.ReportMetric(cold/1e3, "solution-cold-µs/cell")
	b.ReportMetric(cold/base, "solution-cold-x")
	b.ReportMetric(cached/base, "solution-cached-x")
	b.ReportMetric(0, "ns/op")
}

// Run All on every course notebook, as JupyterLab sends it, shows no
// refusal: the reference solutions and the handout's stubs pass the guard
// with the session's other cells (demos included) as their context, as the
// reference solutions do in fearless grade.
func TestPresubmitCourse(t *testing.T) {
	paths, err := filepath.Glob("../../notebooks/*.ipynb")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no course notebooks: %v", err)
	}
	solutions := 0
	var nbs []*notebook.Notebook
	var names []string
	for _, path := range paths {
		ex, err := exercise.Read(path)
		if err != nil {
			t.Fatal(err)
		}
		student, err := exercise.Student(ex)
		if err != nil {
			t.Fatal(err)
		}
		nbs = append(nbs, ex.NB, student)
		names = append(names, path, path+" (student version)")
	}
	for n, nb := range nbs {
		path := names[n]
		var s presubmit
		s.init()
		for i, c := range nb.Cells {
			if c.CellType != notebook.Code {
				continue
			}
			meta := maps.Clone(c.Metadata)
			meta["cellId"], meta["deletedCells"], meta["recordTiming"] = c.ID, []string{}, false
			mb, _ := json.Marshal(meta)
			code, _ := json.Marshal(map[string]any{"code": c.Source, "silent": false})
			id := fmt.Sprint(path, i)
			s.request(id, mb, code)
			if g, _ := c.Metadata["nbgrader"].(map[string]any); g != nil && g["solution"] == true {
				solutions++
			}
			if v := s.idle(id); v != "" {
				t.Errorf("%s, cell %s: %s", filepath.Base(path), c.ID, v)
			}
		}
	}
	if solutions == 0 {
		t.Fatal("no solution cell in the course")
	}
	t.Logf("%d solution cells", solutions)
}

// In a handout (cells marked guard.GivenKey by fearless assign), the cells a
// learner adds are checked as fearless grade checks them, and a
// redeclaration of the instructor's names is named; outside a handout the
// same cells pass as the instructor's.
func TestPresubmitHandout(t *testing.T) {
	const given = "const Base = 40\n\nfunc helper() int { return 1 }"
	const solution = "func Answer() int { return Base + 2 }"
	const check = "%%\nfmt.Println(Answer())"
	const usesOS = "func fromArgs() int { return len(os.Args) }"
	const osLine = "fearless grade will not run a cell you added: line 1: your code uses package os, which this exercise does not allow\n"
	type step struct {
		name, cellID string
		nbgrader     map[string]any
		mark         string // the cell's GivenKey mark
		deleted      []string
		code         string
		want         string
	}
	run := func(t *testing.T, steps []step) {
		var s presubmit
		s.init()
		for i, st := range steps {
			meta := jlabMeta(t, st.cellID, st.nbgrader, st.deleted...)
			if st.mark != "" {
				var m map[string]any
				_ = json.Unmarshal(meta, &m)
				m[guard.GivenKey] = st.mark
				meta, _ = json.Marshal(m)
			}
			id := fmt.Sprint("msg-", i)
			s.request(id, meta, content(st.code))
			if got := s.idle(id); got != st.want {
				t.Errorf("step %d, %s: got %q, want %q", i, st.name, got, st.want)
			}
		}
	}
	t.Run("handout", func(t *testing.T) {
		run(t, []step{
			{name: "the instructor's declarations", cellID: "decl", mark: guard.GivenDigest(given), code: given},
			{name: "solution", cellID: "sol", nbgrader: solutionMeta("answer"), code: solution},
			{name: "a cell of the learner's using os", cellID: "mine", code: usesOS},
			{name: "the check names it", cellID: "chk", nbgrader: checkMeta("answer-check"), code: check, want: osLine},
			{name: "a %% cell of the learner's using os: the grader does not run it", cellID: "mine", code: "%%\nfmt.Println(os.Args)"},
			{name: "the check is clean again", cellID: "chk", nbgrader: checkMeta("answer-check"), code: check},
			{name: "the solution redeclares the instructor's helper", cellID: "sol", nbgrader: solutionMeta("answer"),
				code: solution + "\n\nfunc helper() int { return 2 }",
				want: "fearless grade will not use line 3 of your solution to answer: it redeclares helper, which the instructor's cells declare\n"},
			{name: "the solution put right", cellID: "sol", nbgrader: solutionMeta("answer"), code: solution},
			{name: "a cell of the learner's redeclares it", cellID: "mine", code: "func helper() int { return 3 }"},
			{name: "the check names it", cellID: "chk", nbgrader: checkMeta("answer-check"), code: check,
				want: "fearless grade will not use line 1 of a cell you added: it redeclares helper, which the instructor's cells declare\n"},
			{name: "that cell deleted; the instructor's cell edited to use os", cellID: "decl", deleted: []string{"mine"},
				mark: guard.GivenDigest(given), code: given + "\n\n" + usesOS},
			{name: "the check names it: an edited cell is the learner's", cellID: "chk", nbgrader: checkMeta("answer-check"), code: check,
				want: "fearless grade will not run a cell you added: line 5: your code uses package os, which this exercise does not allow\n"},
		})
	})
	t.Run("not a handout", func(t *testing.T) {
		run(t, []step{
			{name: "declarations, unmarked", cellID: "decl", code: given},
			{name: "solution", cellID: "sol", nbgrader: solutionMeta("answer"), code: solution},
			{name: "a cell using os: taken as the instructor's", cellID: "mine", code: usesOS},
			{name: "the check", cellID: "chk", nbgrader: checkMeta("answer-check"), code: check},
		})
	})
}
