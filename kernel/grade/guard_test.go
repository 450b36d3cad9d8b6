package grade

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/exercise"
)

// TestGuardCourse runs the check the grader runs before anything (package
// guard) on every reference solution and every wrong answer of the course,
// as each would be graded: none is refused, none loses a declaration.
func TestGuardCourse(t *testing.T) {
	paths, err := filepath.Glob("../../notebooks/*.ipynb")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notebooks: %v", err)
	}
	checked := 0
	for _, path := range paths {
		src, err := exercise.Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(src.Exercises) == 0 {
			continue
		}
		hand, err := exercise.Student(src)
		if err != nil {
			t.Fatal(err)
		}
		try := func(what string, sub *exercise.Notebook) {
			p := restore(src, sub.NB, hand)
			checked++
			for id, why := range p.refused {
				t.Errorf("%s %s: exercise %s refused: %s", filepath.Base(path), what, id, why)
			}
			for _, n := range p.notes {
				if strings.Contains(n, "redeclares") || strings.Contains(n, "was not run") {
					t.Errorf("%s %s: %s", filepath.Base(path), what, n)
				}
			}
		}
		try("reference", src)
		for _, ex := range src.Exercises {
			wrongs, err := exercise.WrongAnswers(src, ex.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range wrongs {
				sub, err := exercise.Read(path)
				if err != nil {
					t.Fatal(err)
				}
				sub.NB.Cells[ex.Solution].Source = w.Source
				try("wrong answer "+ex.ID+"/"+w.Name, sub)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d variants checked", checked)
	}
	t.Logf("%d variants checked", checked)
}
