package progress

import (
	"fmt"
	"io"
	"time"

	"github.com/fearless-go/fearless/kernel/runner"
)

// Lines writes one plain line per event, for logs and CI.
type Lines struct {
	w            io.Writer
	notebooks, i int
}

// NewLines returns a Lines display writing to w.
func NewLines(w io.Writer) *Lines { return &Lines{w: w} }

// RunStarted implements runner.Observer.
func (l *Lines) RunStarted(notebooks, cells int) {
	l.notebooks = notebooks
	fmt.Fprintf(l.w, "running %s, %s\n", plural(notebooks, "notebook"), plural(cells, "code cell"))
}

// NotebookStarted implements runner.Observer.
func (l *Lines) NotebookStarted(path string, cells int) {
	l.i++
	fmt.Fprintf(l.w, "[%d/%d] %s (%s)\n", l.i, l.notebooks, path, plural(cells, "cell"))
}

// CellStarted implements runner.Observer.
func (l *Lines) CellStarted(string, *runner.CellResult) {}

// CellFinished implements runner.Observer.
func (l *Lines) CellFinished(_ string, c *runner.CellResult) {
	fmt.Fprintf(l.w, "  %s %s (%s)%s\n", c.Name(), cellWord(c), c.Duration.Round(10*time.Millisecond), detail(c))
}

// NotebookFinished implements runner.Observer.
func (l *Lines) NotebookFinished(nb *runner.NotebookResult) {
	fmt.Fprintf(l.w, "  %s\n", notebookLine(nb))
}

// Close implements Display.
func (l *Lines) Close() {}

// cellWord says how a cell ended, in a word.
func cellWord(c *runner.CellResult) string {
	switch {
	case c.Status == runner.OK:
		return "ok"
	case c.Allowed:
		return "failed as expected (" + string(c.Status) + ")"
	}
	return "FAILED (" + string(c.Status) + ")"
}

func detail(c *runner.CellResult) string {
	if m := c.Message(); m != "" {
		return ": " + clip(m, 160)
	}
	return ""
}

// notebookLine is the line that closes a notebook.
func notebookLine(nb *runner.NotebookResult) string {
	if nb.Err != nil {
		return fmt.Sprintf("FAILED %s: %s", nb.Path, clip(nb.Err.Error(), 300))
	}
	failed := 0
	for _, c := range nb.Cells {
		if c.Failed() {
			failed++
		}
	}
	verdict := "ok"
	if failed > 0 {
		verdict = fmt.Sprintf("FAILED (%s)", plural(failed, "cell"))
	}
	out := ""
	if nb.Output != "" {
		out = " -> " + nb.Output
	}
	return fmt.Sprintf("%s %s: %s in %s%s", verdict, nb.Path, plural(len(nb.Cells), "cell"), nb.Duration.Round(100*time.Millisecond), out)
}

func clip(s string, n int) string {
	r := []rune(s)
	for i, c := range r {
		if c == '\n' {
			r[i] = ' '
		}
	}
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// plural writes "1 cell", "2 cells".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
