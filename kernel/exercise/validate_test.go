package exercise

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/notebook"
)

const (
	solSrc = "import \"sync\"\n\n// Count counts.\nfunc Count(n int) int {\n\t// BEGIN SOLUTION\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tdefer mu.Unlock()\n\treturn n\n\t// END SOLUTION\n}"
	chkSrc = "import \"github.com/fearless-go/fearless/helpers/check\"\n\n%%\nex := check.Exercise(\"count\")\ndefer ex.Done()\nex.Equal(\"one\", 1, func() any { return Count(1) })\n// BEGIN HIDDEN TESTS\nex.Equal(\"two\", 2, func() any { return Count(2) })\n// END HIDDEN TESTS"
)

func nbgMeta(grade, solution, locked bool, id string, points any) map[string]any {
	m := map[string]any{"grade": grade, "solution": solution, "locked": locked, "schema_version": json.Number("3")}
	if id != "" {
		m["grade_id"] = id
	}
	if points != nil {
		m["points"] = points
	}
	return m
}

// sample returns a valid notebook with one exercise: a declaration cell, a
// demo cell, the solution cell (index 3) and the check cell (index 4).
func sample() *notebook.Notebook {
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewMarkdown("# Sample"))
	nb.Add(notebook.NewCode("const limit = 10"))
	nb.Add(notebook.NewCode("%%\nfmt.Println(limit)"))
	nb.Add(notebook.NewCode(solSrc)).Metadata["nbgrader"] = nbgMeta(false, true, false, "count", nil)
	nb.Add(notebook.NewCode(chkSrc)).Metadata["nbgrader"] = nbgMeta(true, false, true, "count-check", json.Number("2"))
	return nb
}

func TestValidSample(t *testing.T) {
	n := Parse(sample(), "")
	if probs := Validate(n); len(probs) != 0 {
		t.Fatalf("problems in a valid notebook: %v", probs)
	}
	if len(n.Exercises) != 1 {
		t.Fatalf("exercises: %+v", n.Exercises)
	}
	ex := n.Exercises[0]
	if ex.ID != "count" || ex.Solution != 3 || len(ex.Checks) != 1 || ex.Checks[0] != 4 || ex.Points != 2 {
		t.Fatalf("exercise %+v", ex)
	}
	if got := n.Needs(ex); len(got) != 3 || got[0] != 1 || got[1] != 3 || got[2] != 4 {
		t.Fatalf("Needs = %v, want [1 3 4] (the declaration cell, not the demo)", got)
	}
}

func TestValidateReportsEachProblem(t *testing.T) {
	cases := []struct {
		name   string
		change func(nb *notebook.Notebook)
		want   string // Problem.Error() contains this
	}{
		{"missing grade_id", func(nb *notebook.Notebook) { delete(meta(nb, 3), "grade_id") },
			"cell 4: nbgrader solution cell without a grade_id"},
		{"shared grade_id", func(nb *notebook.Notebook) { meta(nb, 4)["grade_id"] = "count" },
			`cell 5 (grade_id count): duplicate grade_id "count" (also cell 4): nbgrader wants each grade_id once; a check cell is named count-check`},
		{"duplicate solution", func(nb *notebook.Notebook) {
			nb.Add(notebook.NewCode("func X() {\n// BEGIN SOLUTION\n// END SOLUTION\n}")).Metadata["nbgrader"] = nbgMeta(false, true, false, "count", nil)
		}, `cell 6 (grade_id count): duplicate grade_id "count"`},
		{"solution cell with a %% line", func(nb *notebook.Notebook) { nb.Cells[3].Source += "\n%%\nfmt.Println(Count(1))" },
			"cell 4 (grade_id count): a solution cell only declares (no %% line)"},
		{"no points", func(nb *notebook.Notebook) { delete(meta(nb, 4), "points") }, "cell 5 (grade_id count-check): check cell without points"},
		{"zero points", func(nb *notebook.Notebook) { meta(nb, 4)["points"] = json.Number("0") }, "check cell with 0 points"},
		{"schema 2", func(nb *notebook.Notebook) { meta(nb, 3)["schema_version"] = json.Number("2") }, "cell 4 (grade_id count): nbgrader schema_version is 2, want 3"},
		{"a flag is not a boolean", func(nb *notebook.Notebook) { meta(nb, 3)["solution"] = "yes" }, `cell 4: nbgrader "solution" is yes, want true or false`},
		{"unbalanced solution", func(nb *notebook.Notebook) {
			nb.Cells[3].Source = strings.Replace(solSrc, "\t// END SOLUTION\n", "", 1)
		}, "cell 4 (grade_id count) line 5: // BEGIN SOLUTION without a // END SOLUTION after it"},
		{"end without begin", func(nb *notebook.Notebook) {
			nb.Cells[4].Source = strings.Replace(chkSrc, "// BEGIN HIDDEN TESTS\n", "", 1)
		}, "cell 5 (grade_id count-check) line 8: // END HIDDEN TESTS without a // BEGIN HIDDEN TESTS before it"},
		{"nested", func(nb *notebook.Notebook) {
			nb.Cells[3].Source = strings.Replace(solSrc, "\treturn n\n", "\t// BEGIN SOLUTION\n\treturn n\n", 1)
		}, "line 9: // BEGIN SOLUTION inside the region opened on line 5 (regions do not nest)"},
		{"misspelt marker", func(nb *notebook.Notebook) {
			nb.Cells[3].Source = strings.Replace(solSrc, "// BEGIN SOLUTION", "### BEGIN SOLUTION", 1)
		}, `line 5: "### BEGIN SOLUTION" looks like a marker: write it exactly "// BEGIN SOLUTION"`},
		{"solution cell without markers", func(nb *notebook.Notebook) { nb.Cells[3].Source = "func Count(n int) int { return n }" },
			"cell 4 (grade_id count): solution cell without // BEGIN SOLUTION ... // END SOLUTION"},
		{"solution marker in a plain cell", func(nb *notebook.Notebook) {
			nb.Cells[1].Source = "// BEGIN SOLUTION\nconst limit = 10\n// END SOLUTION"
		},
			"cell 2 line 1: // BEGIN SOLUTION in a plain cell: only a solution cell may have it"},
		{"hidden tests in a solution cell", func(nb *notebook.Notebook) {
			nb.Cells[3].Source += "\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS"
		}, "line 12: // BEGIN HIDDEN TESTS in a solution cell: only a check cell may have it"},
		{"check cell without a solution", func(nb *notebook.Notebook) { meta(nb, 4)["grade_id"] = "other-check" },
			`cell 5 (grade_id other-check): check cell for exercise "other", but no solution cell has grade_id "other"`},
		{"check cell id not named after its exercise", func(nb *notebook.Notebook) { meta(nb, 4)["grade_id"] = "tests" },
			`"tests" names no exercise`},
		{"solution without a check cell", func(nb *notebook.Notebook) { nb.Cells = nb.Cells[:4] },
			"cell 4 (grade_id count): solution cell without a check cell (grade_id count-check)"},
		{"check cell before its solution", func(nb *notebook.Notebook) { nb.Cells[3], nb.Cells[4] = nb.Cells[4], nb.Cells[3] },
			"cell 4 (grade_id count-check): check cell before its solution cell (cell 5)"},
		{"Exercise names another exercise", func(nb *notebook.Notebook) {
			nb.Cells[4].Source = strings.Replace(chkSrc, `check.Exercise("count")`, `check.Exercise("counter")`, 1)
		}, `cell 5 (grade_id count-check) line 4: check.Exercise("counter") in the check cell of exercise "count": want check.Exercise("count")`},
		{"no Exercise call", func(nb *notebook.Notebook) { nb.Cells[4].Source = "%%\nfmt.Println(Count(1))" }, `no check.Exercise("count") in the check cell`},
		{"no Done", func(nb *notebook.Notebook) { nb.Cells[4].Source = strings.Replace(chkSrc, "defer ex.Done()\n", "", 1) }, "no Done(): write defer ex.Done()"},
		{"bad grade_id characters", func(nb *notebook.Notebook) { meta(nb, 3)["grade_id"] = "count me" }, `grade_id "count me" has characters nbgrader refuses`},
		{"invalid flags", func(nb *notebook.Notebook) { meta(nb, 3)["grade"] = true }, "nbgrader flags solution=true grade=true locked=false"},
		{"solution in markdown", func(nb *notebook.Notebook) { nb.Cells[3].CellType = notebook.Markdown }, "a solution cell must be a code cell, not markdown"},
		{"nbgrader metadata not an object", func(nb *notebook.Notebook) { nb.Cells[1].Metadata["nbgrader"] = "x" }, "cell 2: nbgrader metadata is a string, want an object"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nb := sample()
			tc.change(nb)
			probs := Validate(Parse(nb, "course/03-x.ipynb"))
			var all []string
			for _, p := range probs {
				all = append(all, p.Error())
				if strings.Contains(p.Error(), tc.want) {
					if !strings.HasPrefix(p.Error(), "course/03-x.ipynb: ") {
						t.Errorf("the problem does not name the notebook: %s", p.Error())
					}
					return
				}
			}
			t.Errorf("want a problem containing %q, got:\n%s", tc.want, strings.Join(all, "\n"))
		})
	}
}

func meta(nb *notebook.Notebook, cell int) map[string]any {
	return nb.Cells[cell].Metadata["nbgrader"].(map[string]any)
}

func TestWrongAnswersValidated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "05-x.ipynb")
	if err := notebook.Write(path, sample()); err != nil {
		t.Fatal(err)
	}
	n, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	want := func(subs ...string) {
		t.Helper()
		var all []string
		for _, p := range Validate(n) {
			all = append(all, p.Error())
		}
		got := strings.Join(all, "\n")
		for _, s := range subs {
			if !strings.Contains(got, s) {
				t.Errorf("want %q among:\n%s", s, got)
			}
		}
		if len(subs) == 0 && got != "" {
			t.Errorf("want no problems, got:\n%s", got)
		}
	}
	want("cell 4 (grade_id count): no wrong answers: keep at least one in " + filepath.Join(dir, "testdata/wrong/05-x/count") + "/<name>.go")

	wrong := filepath.Join(dir, "testdata", "wrong", "05-x")
	write := func(rel, src string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(filepath.Join(wrong, rel)), 0o755)
		if err := os.WriteFile(filepath.Join(wrong, rel), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("count/off-by-one.go", "// Wrong: counts one too many.\npackage main\n\nfunc Count(n int) int { return n + 1 }\n")
	want()
	ws, err := WrongAnswers(n, "count")
	if err != nil || len(ws) != 1 || ws[0].Name != "off-by-one" || ws[0].Why != "counts one too many." ||
		ws[0].Source != "// Wrong: counts one too many.\n\nfunc Count(n int) int { return n + 1 }" {
		t.Fatalf("WrongAnswers = %+v, %v", ws, err)
	}
	write("count/no-why.go", "func Count(n int) int { return 0 }\n")
	write("gone/x.go", "// Wrong: x\n")
	want(filepath.Join(wrong, "count/no-why.go")+` line 1: a wrong answer starts with a "// Wrong: <why>" line`,
		filepath.Join(wrong, "gone")+`: wrong answers for "gone", but 05-x.ipynb has no solution cell with that grade_id`)
}

func TestDeclared(t *testing.T) {
	names, ok := declared("%goflags -race\nimport \"sync\"\n\ntype T[K any] struct{}\nfunc (t *T[K]) M() {}\nvar a, _ = 1, 2\nconst c = 3\nfunc F() {}\n%%\nvar notTopLevel = 1")
	if !ok || strings.Join(names, " ") != "T T.M a c F" {
		t.Fatalf("declared = %v, %v", names, ok)
	}
	if _, ok := declared("func ("); ok {
		t.Fatal("a broken cell parsed")
	}
}
