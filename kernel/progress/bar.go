package progress

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/kernel/runner"
)

// Bar redraws one status line on a terminal, and prints a permanent line
// above it for each finished notebook and each failed cell. A ticker keeps
// the clock moving while a long cell runs.
type Bar struct {
	mu       sync.Mutex
	w        io.Writer
	width    int
	start    time.Time
	cells    int // total
	done     int
	nbs, nb  int
	current  string
	stop     chan struct{}
	stopped  sync.WaitGroup
	closeOne sync.Once
}

// NewBar returns a Bar for a terminal of the given width.
func NewBar(w io.Writer, width int) *Bar {
	b := &Bar{w: w, width: max(width, 40), start: time.Now(), stop: make(chan struct{})}
	b.stopped.Add(1)
	go b.tick()
	return b
}

func (b *Bar) tick() {
	defer b.stopped.Done()
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			b.mu.Lock()
			b.draw()
			b.mu.Unlock()
		}
	}
}

// RunStarted implements runner.Observer.
func (b *Bar) RunStarted(notebooks, cells int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nbs, b.cells, b.start = notebooks, cells, time.Now()
	b.draw()
}

// NotebookStarted implements runner.Observer.
func (b *Bar) NotebookStarted(path string, _ int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nb++
	b.current = filepath.Base(path)
	b.draw()
}

// CellStarted implements runner.Observer.
func (b *Bar) CellStarted(path string, c *runner.CellResult) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.current = fmt.Sprintf("%s %s", filepath.Base(path), c.Name())
	b.draw()
}

// CellFinished implements runner.Observer.
func (b *Bar) CellFinished(path string, c *runner.CellResult) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done++
	if c.Failed() {
		b.above(fmt.Sprintf("✗ %s %s: %s%s", path, c.Name(), cellWord(c), detail(c)))
	}
	b.draw()
}

// NotebookFinished implements runner.Observer.
func (b *Bar) NotebookFinished(nb *runner.NotebookResult) {
	b.mu.Lock()
	defer b.mu.Unlock()
	mark := "✓"
	if nb.Failed() {
		mark = "✗"
	}
	// Cells that never ran still count as done for the bar.
	for _, c := range nb.Cells {
		if c.Status == runner.NotRun {
			b.done++
		}
	}
	b.above(mark + " " + notebookLine(nb))
	b.draw()
}

// Close stops the clock and clears the bar.
func (b *Bar) Close() {
	b.closeOne.Do(func() {
		close(b.stop)
		b.stopped.Wait()
		b.mu.Lock()
		defer b.mu.Unlock()
		fmt.Fprint(b.w, "\r\x1b[2K")
	})
}

// above prints a permanent line above the bar.
func (b *Bar) above(line string) {
	fmt.Fprintf(b.w, "\r\x1b[2K%s\n", clip(line, b.width-1))
}

func (b *Bar) draw() {
	elapsed := time.Since(b.start).Round(time.Second)
	counts := fmt.Sprintf(" %d/%d cells  %d/%d notebooks  %s  ", b.done, b.cells, b.nb, b.nbs, elapsed)
	barWidth := max(10, min(40, b.width-len(counts)-30))
	filled := 0
	if b.cells > 0 {
		filled = min(barWidth, b.done*barWidth/b.cells)
	}
	line := "[" + strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled) + "]" + counts + b.current
	fmt.Fprintf(b.w, "\r\x1b[2K%s", clip(line, b.width-1))
}
