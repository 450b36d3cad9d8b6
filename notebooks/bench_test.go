package notebooks_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// notebookGoal is COURSE.md's bound on one notebook through fearless run,
// with warm caches, on 2 cores.
const notebookGoal = 60 * time.Second

// BenchmarkNotebook times every course notebook through `fearless run`
// (../bin/fearless, built by `make fearless`), after one untimed run that
// warms the build cache, and reports seconds per notebook:
//
//	go test -run '^$' -bench Notebook -benchtime 1x ./notebooks/
func BenchmarkNotebook(b *testing.B) {
	fearless, err := filepath.Abs(filepath.Join("..", "bin", "fearless"))
	if err == nil {
		_, err = os.Stat(fearless)
	}
	if err != nil {
		b.Fatalf("no fearless binary (make fearless): %v", err)
	}
	paths, _ := filepath.Glob("*.ipynb")
	if len(paths) == 0 {
		b.Fatal("no notebooks")
	}
	out := b.TempDir()
	run := func(b *testing.B, path string) {
		cmd := exec.Command(fearless, "run", "--out", out, path)
		cmd.Dir = ".."
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("fearless run %s: %v\n%s", path, err, msg)
		}
	}
	for _, p := range paths {
		path := filepath.Join("notebooks", p)
		b.Run(strings.TrimSuffix(p, ".ipynb"), func(b *testing.B) {
			run(b, path) // warm the build cache
			b.ResetTimer()
			start := time.Now()
			for range b.N {
				run(b, path)
			}
			per := time.Since(start) / time.Duration(b.N)
			b.ReportMetric(per.Seconds(), "s/notebook")
			if per > notebookGoal {
				b.Logf("%s takes %v, over the goal of %v", p, per.Round(time.Second), notebookGoal)
			}
		})
	}
}
