package runner_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/fearless-go/fearless/kernel/runner"
)

// Run a directory of notebooks with a 30-second limit per cell and print the
// summary. (Not run by go test: it needs the fearless kernel installed.)
func Example() {
	r := runner.New(runner.Options{Timeout: 30 * time.Second, OutDir: "build/executed"})
	summary, err := r.Run(context.Background(), []string{"notebooks"})
	if err != nil {
		fmt.Println(err)
		return
	}
	summary.WriteText(os.Stdout, 12)
	for _, nb := range summary.Notebooks {
		for _, c := range nb.Cells {
			if c.Failed() {
				fmt.Printf("%s %s: %s\n", nb.Path, c.Name(), c.Message())
			}
		}
	}
}

// The one-screen summary of a run.
func ExampleSummary_WriteText() {
	s := &runner.Summary{Duration: 4200 * time.Millisecond, Notebooks: []*runner.NotebookResult{{
		Path:   "notebooks/03-mutex.ipynb",
		Output: "build/executed/notebooks/03-mutex.ipynb",
		Cells: []*runner.CellResult{
			{Index: 2, Number: 1, Status: runner.OK},
			{Index: 4, Number: 2, Status: runner.Failed, Allowed: true, Stderr: "fatal error: all goroutines are asleep - deadlock!\n"},
			{Index: 6, Number: 3, Status: runner.TimedOut, Note: "timed out after 1m0s; the cell was interrupted"},
		},
	}}}
	s.WriteText(os.Stdout, 12)
	// Output:
	// fearless run: FAILED
	//   notebooks  1 (1 failed)
	//   cells      3: 1 ok, 1 failed, 1 expected errors (raises-exception)
	//   time       4.2s
	//   failures:
	//     notebooks/03-mutex.ipynb cell [3]: timeout: timed out after 1m0s; the cell was interrupted
	//   executed copies in build/executed/notebooks
}
