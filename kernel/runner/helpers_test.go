package runner

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// What the helpers print goes through the real kernel without harm: a
// lock-order warning (which once crashed gonb's stderr parser and the kernel
// with it) is in the cell's stdout, the cell passes, and every location names
// the learner's cell line — never gonb's main.go:N, never a helper's file.
func TestHelperReportsInACell(t *testing.T) {
	opts := installed(t)
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewCode(`import (
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

func both(first, second *mutex.Mutex[int]) {
	g1, _ := first.Lock()
	defer g1.Unlock()
	g2, _ := second.Lock()
	defer g2.Unlock()
}`))
	// [2]: A→B then B→A, one goroutine: no hang, a warning.
	nb.Add(notebook.NewCode("%%\na, b := mutex.New(1, mutex.Name(\"A\")), mutex.New(2, mutex.Name(\"B\"))\nboth(a, b)\nboth(b, a)\nfmt.Println(\"no hang\")"))
	// [3]: a guard used after Unlock.
	nb.Add(notebook.NewCode("%%\nm := mutex.New(0)\ng, _ := m.Lock()\ng.Unlock()\nfmt.Println(g.Get())")).Tag(AllowErrorsTag)
	// [4]: main holds A and joins a thread that waits for A.
	nb.Add(notebook.NewCode(`%%
a := mutex.New(0, mutex.Name("A"))
ga, _ := a.Lock()
defer ga.Unlock()
h := thread.Go(func() {
	g, _ := a.Lock()
	defer g.Unlock()
}, thread.Name("wants-A"))
_, err := h.Join()
fmt.Println(err)`)).Tag(AllowErrorsTag)
	nb.Add(notebook.NewCode("%%\nfmt.Println(\"alive\")"))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	res := New(opts).Execute(ctx, nb, "")
	if res.Err != nil || len(res.Cells) != 5 {
		t.Fatalf("%v, %d cells", res.Err, len(res.Cells))
	}
	c := res.Cells
	all := func(r *CellResult) string { return r.Stdout + r.Stderr + r.Message() }
	// What the helpers write: stdout, and the panic's own line (the Go
	// runtime's goroutine dump below it is gonb's to map, and it does).
	ours := func(r *CellResult) string {
		text := r.Stdout
		for _, l := range strings.Split(r.Stderr, "\n") {
			if strings.HasPrefix(l, "panic: ") {
				text += l + "\n"
			}
		}
		return text
	}
	for _, r := range c {
		text := ours(r)
		t.Logf("cell %d: %s", r.Index, text)
		if strings.Contains(text, "main.go:") || strings.Contains(text, "guard.go") || strings.Contains(text, "hooks.go") {
			t.Errorf("cell %d names gonb's or a helper's file: %q", r.Index, text)
		}
	}

	// inCell checks that text names the cell's line want, or, when the kernel
	// gives no FEARLESS_CELLS, at least gonb's main.go without a colon.
	cellLoc := regexp.MustCompile(`cell \[\d+\] line \d+`)
	inCell := func(r *CellResult, text, want string) {
		t.Helper()
		if locs := cellLoc.FindAllString(text, -1); len(locs) > 0 {
			for _, l := range locs {
				if l == want {
					return
				}
			}
			t.Errorf("cell %d: %q names %q, want %q", r.Index, text, locs, want)
		} else if !strings.Contains(text, "main.go line ") {
			t.Errorf("cell %d: %q names no location", r.Index, text)
		}
	}

	order := c[1]
	if order.Status != OK || order.Stderr != "" || !strings.Contains(order.Stdout, "lock order inversion between B and A") ||
		!strings.Contains(order.Stdout, "no hang") {
		t.Fatalf("lock-order cell: %s, stdout %q, stderr %q", order.Status, order.Stdout, order.Stderr)
	}
	inCell(order, order.Stdout, "cell [1] line 9") // second.Lock() in both

	misuse := c[2]
	if misuse.Status != Failed || !strings.Contains(all(misuse), "guard used after Unlock") {
		t.Fatalf("misuse cell: %s %q", misuse.Status, all(misuse))
	}
	inCell(misuse, ours(misuse), "cell [3] line 5")

	dead := c[3]
	if !strings.Contains(all(dead), "deadlock: these goroutines wait for each other") {
		t.Fatalf("deadlock cell: %s %q", dead.Status, all(dead))
	}
	// Whichever side closed the cycle, the report names a line of the cell.
	if !strings.Contains(ours(dead), "cell [4] line 9") && !strings.Contains(ours(dead), "cell [4] line 6") {
		inCell(dead, ours(dead), "cell [4] line 9")
	}

	if last := c[4]; last.Status != OK || last.Stdout != "alive\n" || *last.ExecutionCount != 5 {
		t.Fatalf("the kernel did not survive: %s %q", last.Status, last.Stdout)
	}
}
