package jupyter

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// The kernel links cells with -ldflags=-s (no symbol table, no DWARF) and
// skips goimports and go get when they would change nothing. What the
// learner reads must not change: a panic names the cell's line, a helper's
// misuse report names the learner's line (helpers/internal/where, through
// runtime.Callers), a cell that uses fmt without importing it still runs,
// a memorized import no cell uses any more is still dropped.
func TestCellBuildKeepsLines(t *testing.T) {
	k, ctx := startKernel(t, testenv.Kernel(t), testenv.Offline...)
	c := k.Client()
	run := func(code string) (ExecuteReply, outputs) {
		t.Helper()
		res, err := c.Execute(ctx, ExecuteRequest{Code: code}, ExecuteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Reply, collect(t, res.Messages)
	}

	// fmt without an import: goimports must run and add it.
	reply, o := run("import \"github.com/fearless-go/fearless/helpers/mutex\"\n\n%%\nm := mutex.New(1)\nfmt.Println(\"value\", m.MustLock().Get())")
	if reply.Status != "ok" || o.stdout != "value 1\n" {
		t.Fatalf("first cell: %+v %+v", reply, o)
	}
	// The mutex import is memorized; this cell does not use it: goimports
	// must run and drop it, or the build fails ("imported and not used").
	// gonb annotates main.go:N in each chunk it reads from the program's
	// stderr; the runtime writes a traceback a piece at a time, and on a
	// busy machine a chunk can end inside "main.go:12": that run is not
	// annotated. A line named in one of three runs is what gonb promises.
	named := false
	for try := 0; try < 3 && !named; try++ {
		reply, o = run("%%\nfmt.Println(\"plain\")\npanic(\"on purpose\")")
		if reply.Status != "error" || o.stdout != "plain\n" || !strings.Contains(o.stderr, "panic: on purpose") {
			t.Fatalf("panicking cell: %+v %+v", reply, o)
		}
		named = strings.Contains(o.stderr, "Line 3")
	}
	if !named {
		t.Fatalf("the panic does not name the cell's line 3 (3 runs):\n%s", o.stderr)
	}
	// A misuse report names the learner's line: guard used after Unlock, line 6.
	reply, o = run("import \"github.com/fearless-go/fearless/helpers/mutex\"\n\n%%\nm := mutex.New(1)\ng := m.MustLock()\ng.Unlock()\ng.Get()")
	all := o.stdout + o.stderr
	if reply.Status != "error" || !strings.Contains(all, "after Unlock") || !strings.Contains(all, "line 7") {
		t.Fatalf("misuse report without the cell's line 7: %+v\nstdout %s\nstderr %s", reply, o.stdout, o.stderr)
	}
}

// A %goflags -race cell still builds with the race detector (the user's
// flags and the kernel's GOFLAGS merge) and its report names cell lines.
func TestCellBuildRace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the helpers with -race")
	}
	if _, err := exec.LookPath("gcc"); err != nil && os.Getenv("CC") == "" {
		testenv.Require(t, false, "no C compiler for -race", "install gcc")
	}
	k, ctx := startKernel(t, testenv.Kernel(t), testenv.Offline...)
	c := k.Client()
	// The setting in the cell that needs it: the fearless kernel sets
	// %goflags back after each cell (kernel/proxy: CellScope).
	res, err := c.Execute(ctx, ExecuteRequest{Code: "%goflags -race\n%%\nx := 0\ndone := make(chan bool)\ngo func() { x++; done <- true }()\nx++\n<-done\nfmt.Println(\"x =\", x)"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := collect(t, res.Messages)
	if !strings.Contains(o.stderr, "DATA RACE") || !strings.Contains(o.stderr, "Line 6") {
		t.Fatalf("race report without the cell's line 6: %+v\nstdout %s\nstderr %s", res.Reply, o.stdout, o.stderr)
	}
}

// gonb's start-up sample lines ("Info message", "Warning message", "Error
// message") do not reach the Jupyter server's terminal; its real log does.
func TestKernelLogWithoutSamples(t *testing.T) {
	k, ctx := startKernel(t, testenv.Kernel(t), testenv.Offline...)
	if res, err := k.Client().Execute(ctx, ExecuteRequest{Code: "%%\nfmt.Println(1)"}, ExecuteOptions{}); err != nil || res.Reply.Status != "ok" {
		t.Fatalf("cell: %v %+v", err, res)
	}
	log := k.Log()
	for _, sample := range []string{"] Info message", "Warning message", "] Error message", "extra logger"} {
		if strings.Contains(log, sample) {
			t.Errorf("the kernel's log has gonb's sample %q:\n%s", sample, log)
		}
	}
	if !strings.Contains(log, "kernel created") {
		t.Errorf("the kernel's log lost gonb's own lines:\n%s", log)
	}
}
