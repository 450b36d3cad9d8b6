package proxy

import (
	"encoding/json"
	"strings"
	"testing"
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
	content := func(code string) []byte { b, _ := json.Marshal(map[string]any{"code": code, "silent": false}); return b }
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
	if !strings.HasPrefix(want, "fearless grade will refuse") {
		t.Fatal(want)
	}
}
