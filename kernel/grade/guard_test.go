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

// forgedSplitWork answers notebook 01's exercise on the calling thread and
// fakes what the behavioural checks read: spans named like the check's
// gate, on goroutines that do no work. Before helpers/trace left the
// allow-list, fearless prove scored it 5 of 5.
const forgedSplitWork = `import "github.com/fearless-go/fearless/helpers/trace"

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	total := 0
	for p := range parts {
		total += work(p*n/parts, (p+1)*n/parts)
	}
	done := make(chan bool)
	for range parts {
		go func() {
			s := trace.Span("work")
			time.Sleep(10 * time.Millisecond)
			s.End()
			done <- true
		}()
	}
	for range parts {
		<-done
	}
	return total
}`

// TestGuardRefusesForgedEvidence: code under check may not write to the
// recorder the checks read, in a solution cell or a cell of the learner's own.
func TestGuardRefusesForgedEvidence(t *testing.T) {
	path := "../../notebooks/01-concurrency-and-parallelism.ipynb"
	src, err := exercise.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	hand, err := exercise.Student(src)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := exercise.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	ex := sub.Exercises[0]
	if ex.ID != "01-split-work" {
		t.Fatalf("notebook 01's exercise is %s", ex.ID)
	}
	sub.NB.Cells[ex.Solution].Source = forgedSplitWork
	p := restore(src, sub.NB, hand)
	if why := p.refused[ex.ID]; !strings.Contains(why, "helpers/trace") || !strings.Contains(why, "only they may write to it") {
		t.Fatalf("the forged answer was not refused for the recorder: %q", why)
	}
}
