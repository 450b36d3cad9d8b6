package grade

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// BenchmarkGrade grades a class made from the course notebook with the most
// exercises — its reference solution, its handout, and a submission per
// wrong answer — with --jobs 1 and --jobs 2 (the default: cells built with
// the race detector), with --jobs 2 --allow-races (without it, as nbgrader
// runs them), then nbgrader's autograde on the same submissions, in the
// same run; it reports seconds per submission for each (run it with
// -benchtime 1x: one class per run).
func BenchmarkGrade(b *testing.B) {
	testenv.Integration(b)
	source := mostExercises(b, filepath.Join(testenv.Root(b), "notebooks"))
	src, err := exercise.Read(source)
	if err != nil {
		b.Fatal(err)
	}
	hand, err := exercise.Student(src)
	if err != nil {
		b.Fatal(err)
	}
	subs := map[string][]byte{"reference": mustRead(b, source), "handout": mustMarshal(b, hand)}
	for i := 0; ; i++ {
		nb, _ := notebook.Parse(mustMarshal(b, hand))
		any := false
		for _, ex := range src.Exercises {
			ws, _ := exercise.WrongAnswers(src, ex.ID)
			if i < len(ws) {
				setSolution(nb, ex.ID, ws[i].Source)
				any = true
			}
		}
		if !any {
			break
		}
		subs[fmt.Sprintf("wrong-%d", i+1)] = mustMarshal(b, nb)
	}
	dir := b.TempDir()
	for name, data := range subs {
		mustWrite(b, filepath.Join(dir, name+".ipynb"), data)
	}
	spec := testenv.Kernel(b)
	b.Logf("%s: %d exercises, %d submissions", filepath.Base(source), len(src.Exercises), len(subs))
	b.ResetTimer()
	for b.Loop() {
		for _, run := range []struct {
			jobs  int
			races bool
		}{{1, false}, {2, false}, {2, true}} {
			start := time.Now()
			class, err := Grade(context.Background(), Options{Source: source, Submissions: dir, Out: b.TempDir(), Jobs: run.jobs,
				Env: testenv.Offline, NoCache: true, AllowRaces: run.races,
				FindSpec: func(name string) (*kernelspec.Spec, error) {
					return kernelspec.FindIn([]string{filepath.Dir(spec.Dir)}, name)
				}})
			if err != nil {
				b.Fatal(err)
			}
			per := time.Since(start).Seconds() / float64(len(class.Submissions))
			flags := fmt.Sprintf("--jobs %d", run.jobs)
			metric := fmt.Sprintf("s/submission-jobs%d", run.jobs)
			if run.races {
				flags += " --allow-races"
				metric += "-allow-races"
			}
			b.ReportMetric(per, metric)
			b.Logf("fearless grade %s: %.2f s a submission (100 submissions: %.1f min)", flags, per, per*100/60)
		}
		course := newNbgraderCourse(b, source)
		_, took := course.autograde(b, subs)
		per := took.Seconds() / float64(len(subs))
		b.ReportMetric(per, "s/submission-nbgrader")
		b.Logf("nbgrader autograde: %.2f s a submission", per)
	}
}

// mostExercises returns the notebook in dir with the most exercises.
func mostExercises(b *testing.B, dir string) string {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.ipynb"))
	best, most := "", 0
	for _, p := range paths {
		if n, err := exercise.Read(p); err == nil && len(n.Exercises) > most {
			best, most = p, len(n.Exercises)
		}
	}
	if best == "" {
		b.Fatalf("no notebook with exercises in %s", dir)
	}
	return best
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
