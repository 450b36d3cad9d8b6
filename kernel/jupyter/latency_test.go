package jupyter

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// LatencyIdleEnv sets how long BenchmarkLatency leaves the kernel idle
// before it asks for a completion again (a Go duration; default 75s, longer
// than gopls's one-minute idle timeout).
const LatencyIdleEnv = "FEARLESS_BENCH_IDLE"

// helperProgram is the warm helper cell of issue 20 (charts, mutex and
// thread), changed by n each time so that it is built again; asCell is its
// cell form, else a whole main.go for a bare `go build`.
func helperProgram(n int, asCell bool) string {
	imports := `import (
	"fmt"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)
`
	body := fmt.Sprintf(`defer charts.Show(charts.Title("run %d"))
m := mutex.New(0, mutex.Name("n"))
h := thread.Go(func() {
	g := m.MustLock()
	g.Set(g.Get() + %d)
	g.Unlock()
}, thread.Name("adder"))
h.Join()
fmt.Println("n =", m.MustLock().Get())
`, n, n)
	if asCell {
		return imports + "\n%%\n" + body
	}
	return "package main\n\n" + imports + "\nfunc main() {\n" + body + "}\n"
}

// BenchmarkLatency measures, through the real fearless kernel, what a
// learner waits for (issue 20):
//
//   - first-complete-ms: the first Tab completion of a session (`thread.`
//     after the first cell ran), goal < 1000;
//   - idle-complete-ms: a completion after the kernel sat idle for
//     FEARLESS_BENCH_IDLE (default 75s), goal < 1000;
//   - inspect-partial-found: whether Shift+Tab on `thread.Sp` found help,
//     inspect-error-shown whether it showed gopls's error text instead (goal 0);
//   - cell-p50-ms, cell-p95-ms: a warm helper cell changed every time,
//     Shift+Enter to the end of its reply;
//   - bare-p50-ms: `go build` + run of the same program in a module of its
//     own (the same go.work), alternated with the cells in the same run;
//   - cell/bare: the ratio of the two p50s (goal ≤ 0.8);
//   - rerun-ms: the same cell run again unchanged (goal < 250).
//
// Run with -benchtime 1x: one iteration is a whole session.
func BenchmarkLatency(b *testing.B) {
	spec := testenv.Kernel(b)
	root := testenv.Root(b)
	idle := 75 * time.Second
	if d, err := time.ParseDuration(os.Getenv(LatencyIdleEnv)); err == nil {
		idle = d
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()

	// The bare baseline: a module of its own, in a workspace with the
	// checkout, as gonb's cells are.
	bare := b.TempDir()
	for _, args := range [][]string{{"mod", "init", "bare"}, {"work", "init", ".", root}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = bare
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	bareRun := func(n int) time.Duration {
		if err := os.WriteFile(filepath.Join(bare, "main.go"), []byte(helperProgram(n, false)), 0o644); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		cmd := exec.Command("go", "build", "-o", "prog")
		cmd.Dir = bare
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("bare go build: %v\n%s", err, out)
		}
		if out, err := exec.Command(filepath.Join(bare, "prog")).CombinedOutput(); err != nil {
			b.Fatalf("bare run: %v\n%s", err, out)
		}
		return time.Since(start)
	}

	for b.Loop() {
		k, err := Start(ctx, spec, StartOptions{Env: testenv.Offline})
		if err != nil {
			b.Fatal(err)
		}
		c := k.Client()
		run := func(code string) time.Duration {
			start := time.Now()
			res, err := c.Execute(ctx, ExecuteRequest{Code: code}, ExecuteOptions{})
			if err != nil || res.Reply.Status != "ok" {
				b.Fatalf("cell failed: %v %+v\n%s", err, res.Reply, k.Log())
			}
			return time.Since(start)
		}
		complete := func(what string) time.Duration {
			code := helperProgram(0, true) + "thread."
			start := time.Now()
			r, err := c.Complete(ctx, code, len([]rune(code)))
			d := time.Since(start)
			if err != nil || r.Status != "ok" || !slices.Contains(r.Matches, "Go") {
				b.Fatalf("%s completion of `thread.`: %v %+v", what, err, r)
			}
			return d
		}

		first := run(helperProgram(1, true))
		b.ReportMetric(float64(first.Milliseconds()), "first-cell-ms")
		b.ReportMetric(float64(complete("first").Milliseconds()), "first-complete-ms")

		code := helperProgram(0, true) + "thread.Sp"
		ir, err := c.Inspect(ctx, code, len([]rune(code)), 0)
		if err != nil || ir.Status != "ok" {
			b.Fatalf("inspect of `thread.Sp`: %v %+v", err, ir)
		}
		found := 0.0
		if ir.Found {
			found = 1
		}
		b.ReportMetric(found, "inspect-partial-found")
		shown := 0.0 // gopls's error text shown as help (issue 20)
		if text, _ := ir.Data["text/plain"].(string); strings.Contains(text, "gopls") {
			shown = 1
			b.Logf("inspect of `thread.Sp` shows gopls's error: %q", text)
		}
		b.ReportMetric(shown, "inspect-error-shown")

		var cells, bares []time.Duration
		for i := range 12 {
			bares = append(bares, bareRun(100+i))
			cells = append(cells, run(helperProgram(100+i, true)))
		}
		cells, bares = cells[2:], bares[2:] // the first builds warm the cache
		rerun := run(helperProgram(111, true))

		time.Sleep(idle)
		b.ReportMetric(float64(complete("idle").Milliseconds()), "idle-complete-ms")

		slices.Sort(cells)
		slices.Sort(bares)
		p := func(ds []time.Duration, q float64) float64 {
			return float64(ds[int(q*float64(len(ds)-1)+0.5)].Microseconds()) / 1000
		}
		b.ReportMetric(p(cells, 0.5), "cell-p50-ms")
		b.ReportMetric(p(cells, 0.95), "cell-p95-ms")
		b.ReportMetric(p(bares, 0.5), "bare-p50-ms")
		b.ReportMetric(p(cells, 0.5)/p(bares, 0.5), "cell/bare")
		b.ReportMetric(float64(rerun.Microseconds())/1000, "rerun-ms")
		if err := k.Shutdown(context.Background()); err != nil {
			b.Log(err)
		}
	}
}
