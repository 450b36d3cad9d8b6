package progress_test

import (
	"os"
	"time"

	"github.com/fearless-go/fearless/kernel/progress"
	"github.com/fearless-go/fearless/kernel/runner"
)

// Plain lines, as a CI log shows a run.
func ExampleLines() {
	l := progress.NewLines(os.Stdout)
	cell := &runner.CellResult{Index: 3, Number: 2, Status: runner.TimedOut, Note: "timed out after 1m0s; the cell was interrupted", Duration: time.Minute}
	l.RunStarted(1, 1)
	l.NotebookStarted("notebooks/01-threads.ipynb", 1)
	l.CellFinished("notebooks/01-threads.ipynb", cell)
	l.NotebookFinished(&runner.NotebookResult{Path: "notebooks/01-threads.ipynb", Cells: []*runner.CellResult{cell}, Duration: 61 * time.Second})
	// Output:
	// running 1 notebook, 1 code cell
	// [1/1] notebooks/01-threads.ipynb (1 cell)
	//   cell [2] FAILED (timeout) (1m0s): timed out after 1m0s; the cell was interrupted
	//   FAILED (1 cell) notebooks/01-threads.ipynb: 1 cell in 1m1s
}
