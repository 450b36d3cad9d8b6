package proxy_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// Through the real kernel: %goflags, %env and %cd last for the cell that
// runs them. The cell after it is built without the flags, sees the
// variable as the kernel started with it and runs in the kernel's own
// directory — and sees none of the restoring cell's output; its execution
// count follows on.
func TestGonbCellScope(t *testing.T) {
	k, ctx := startKernel(t, append(testenv.Offline, "FEARLESS_SCOPE_PROBE=kernel")...)
	dir := t.TempDir()
	probe := "%%\nfmt.Println(probe, os.Getenv(\"FEARLESS_SCOPE_PROBE\"), os.Getenv(\"GONB_DIR\") == " + strconv.Quote(dir) + ")"
	first := "%goflags -ldflags=-X=main.probe=cell\n//gonb:%env FEARLESS_SCOPE_PROBE=cell\n%cd " + dir + "\n\nvar probe = \"plain\"\n\n" + probe
	out, reply := run(t, ctx, k, first)
	if reply.Status != "ok" || !strings.HasSuffix(out, "cell cell true\n") {
		t.Fatalf("the cell that sets them: %s %q\nlog:\n%s", reply.Status, out, k.Log())
	}
	for i := range 2 {
		again, r := run(t, ctx, k, probe)
		if r.Status != "ok" || again != "plain kernel false\n" {
			t.Fatalf("cell %d after it: %s %q (want the kernel's settings, and nothing else)\nlog:\n%s", i+1, r.Status, again, k.Log())
		}
		if r.ExecutionCount != reply.ExecutionCount+1+i {
			t.Errorf("execution count %d after %d", r.ExecutionCount, reply.ExecutionCount)
		}
	}
	if strings.Contains(k.Log(), "restoring the kernel's settings") {
		t.Errorf("the kernel logged a failed restore:\n%s", k.Log())
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}
