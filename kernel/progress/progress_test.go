package progress

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/runner"
)

// replay sends a small run's events to an observer.
func replay(o runner.Observer) {
	ok := &runner.CellResult{Index: 1, Number: 1, Status: runner.OK, Duration: 300 * time.Millisecond}
	bad := &runner.CellResult{Index: 2, Number: 2, Status: runner.Failed, Stderr: "panic: boom\n", Duration: 200 * time.Millisecond}
	o.RunStarted(2, 2)
	o.NotebookStarted("nb/a.ipynb", 2)
	o.CellStarted("nb/a.ipynb", ok)
	o.CellFinished("nb/a.ipynb", ok)
	o.CellStarted("nb/a.ipynb", bad)
	o.CellFinished("nb/a.ipynb", bad)
	o.NotebookFinished(&runner.NotebookResult{Path: "nb/a.ipynb", Cells: []*runner.CellResult{ok, bad}, Duration: time.Second})
	o.NotebookStarted("nb/b.ipynb", 0)
	o.NotebookFinished(&runner.NotebookResult{Path: "nb/b.ipynb", Err: errors.New("nb/b.ipynb:1:1: invalid JSON")})
}

func TestLines(t *testing.T) {
	var b bytes.Buffer
	replay(NewLines(&b))
	want := `running 2 notebooks, 2 code cells
[1/2] nb/a.ipynb (2 cells)
  cell [1] ok (300ms)
  cell [2] FAILED (error) (200ms): panic: boom
  FAILED (1 cell) nb/a.ipynb: 2 cells in 1s
[2/2] nb/b.ipynb (0 cells)
  FAILED nb/b.ipynb: nb/b.ipynb:1:1: invalid JSON
`
	if b.String() != want {
		t.Fatalf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// syncBuffer is written by the bar's clock goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestBar(t *testing.T) {
	var out syncBuffer
	bar := NewBar(&out, 100)
	replay(bar)
	bar.Close()
	bar.Close() // twice is fine
	s := out.String()
	for _, want := range []string{
		"\r\x1b[2K[", "2/2 cells", "2/2 notebooks",
		"✗ nb/a.ipynb cell [2]: FAILED (error): panic: boom\n",
		"✗ FAILED (1 cell) nb/a.ipynb: 2 cells in 1s\n",
		"✗ FAILED nb/b.ipynb: nb/b.ipynb:1:1: invalid JSON\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("bar output lacks %q:\n%q", want, s)
		}
	}
	if !strings.HasSuffix(s, "\r\x1b[2K") {
		t.Errorf("Close did not clear the bar: %q", s[max(0, len(s)-40):])
	}
	for _, line := range strings.Split(s, "\n") {
		for _, frame := range strings.Split(line, "\r") {
			if n := len([]rune(strings.TrimPrefix(frame, "\x1b[2K"))); n > 100 {
				t.Errorf("frame of %d columns on a 100-column terminal: %q", n, frame)
			}
		}
	}
}

func TestForPicksLinesForFiles(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Fatal("a regular file is a terminal")
	}
	d := For(f)
	defer d.Close()
	if _, ok := d.(*Lines); !ok {
		t.Fatalf("For(file) = %T, want *Lines", d)
	}
}
