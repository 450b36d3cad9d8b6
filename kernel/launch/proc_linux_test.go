//go:build linux

package launch

import (
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestRunInBackground: the child runs at GoplsNice, and it outlives the
// start (Pdeathsig is tied to the forking thread, which must not end first).
func TestRunInBackground(t *testing.T) {
	base := childNice(t) // the test may itself run niced
	// Field 19 of /proc/self/stat is the nice value.
	cmd := exec.Command("sh", "-c", "sleep 0.3; cut -d' ' -f19 /proc/self/stat")
	var out strings.Builder
	cmd.Stdout = &out
	dieWithParent(cmd)
	started, done := make(chan error, 1), make(chan error, 1)
	runInBackground(cmd, started, done)
	if err := <-started; err != nil {
		t.Fatal(err)
	}
	for range 100 { // threads come and go while the child sleeps
		go runtime.GC()
	}
	if err := <-done; err != nil {
		t.Fatalf("the child did not finish on its own: %v", err)
	}
	if nice, want := atoi(t, out.String()), min(base+GoplsNice, 19); nice != want {
		t.Errorf("the child ran at nice %d, want %d", nice, want)
	}
	// This test's own threads keep their priority.
	if later := childNice(t); later != base {
		t.Errorf("a later child ran at nice %d, not %d: the niced thread was reused", later, base)
	}
}

// childNice is the nice value a child of this test starts at. (The test's
// own /proc/self/stat would not do: it shows the main thread, which may be
// the one runInBackground niced and kept.)
func childNice(t *testing.T) int {
	t.Helper()
	out, err := exec.Command("sh", "-c", "cut -d' ' -f19 /proc/self/stat").Output()
	if err != nil {
		t.Fatal(err)
	}
	return atoi(t, string(out))
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		t.Fatalf("nice value %q: %v", s, err)
	}
	return n
}
