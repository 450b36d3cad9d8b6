package progress

import (
	"os"

	"github.com/fearless-go/fearless/kernel/runner"
)

// Display is a runner.Observer that draws progress; Close it when the run
// is over.
type Display interface {
	runner.Observer
	Close()
}

// For returns a bar when f is a terminal and plain lines otherwise.
func For(f *os.File) Display {
	if IsTerminal(f) {
		return NewBar(f, width(f))
	}
	return NewLines(f)
}

// IsTerminal reports whether f is a character device (a terminal) rather
// than a file or a pipe.
func IsTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// discard is a Display that shows nothing.
type discard struct{}

// Discard returns a Display that shows nothing.
func Discard() Display { return discard{} }

func (discard) RunStarted(int, int)                     {}
func (discard) NotebookStarted(string, int)             {}
func (discard) CellStarted(string, *runner.CellResult)  {}
func (discard) CellFinished(string, *runner.CellResult) {}
func (discard) NotebookFinished(*runner.NotebookResult) {}
func (discard) Close()                                  {}
