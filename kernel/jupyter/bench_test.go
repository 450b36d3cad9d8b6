package jupyter

import (
	"context"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// trivialCell is the baseline: the smallest program a cell can be.
const trivialCell = "%%\nfmt.Println(1)"

// importCell uses three of this module's helper packages.
const importCell = `import (
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

%%
m := mutex.New(1)
thread.Sleep(0)
fmt.Println(m != nil, trace.Enabled())`

// BenchmarkWarmCell times, in one warm fearless kernel, a trivial cell
// against a cell importing three helper packages, alternating them so both
// see the same machine. It reports each one's time per cell and their ratio
// (goal: imports/trivial ≤ 1.3). The imports a cell declares are memorized
// by gonb but dropped from later cells that do not use them, so the trivial
// cell stays trivial.
func BenchmarkWarmCell(b *testing.B) {
	spec := testenv.Kernel(b)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	k, err := Start(ctx, spec, StartOptions{Env: testenv.Offline})
	if err != nil {
		b.Fatal(err)
	}
	defer k.Shutdown(context.Background())
	run := func(code string) time.Duration {
		start := time.Now()
		res, err := k.Client().Execute(ctx, ExecuteRequest{Code: code}, ExecuteOptions{})
		if err != nil || res.Reply.Status != "ok" {
			b.Fatalf("cell failed: %v %+v", err, res.Reply)
		}
		return time.Since(start)
	}
	for range 3 { // warm the kernel, gopls and the build cache
		run(trivialCell)
		run(importCell)
	}
	var trivial, imports time.Duration
	n := 0
	for b.Loop() {
		trivial += run(trivialCell)
		imports += run(importCell)
		n++
	}
	b.ReportMetric(float64(trivial.Nanoseconds())/float64(n), "trivial-ns/cell")
	b.ReportMetric(float64(imports.Nanoseconds())/float64(n), "imports-ns/cell")
	b.ReportMetric(float64(imports)/float64(trivial), "imports/trivial")
}
