package runner

// Observer hears about a run's progress, to show it. Its methods are called
// from the goroutine that runs the notebooks, in order.
type Observer interface {
	// RunStarted is called once with what is about to run.
	RunStarted(notebooks, cells int)
	// NotebookStarted is called before a notebook's kernel starts.
	NotebookStarted(path string, cells int)
	// CellStarted is called before a code cell runs.
	CellStarted(path string, cell *CellResult)
	// CellFinished is called when a code cell is done.
	CellFinished(path string, cell *CellResult)
	// NotebookFinished is called when a notebook is done or failed to run.
	NotebookFinished(nb *NotebookResult)
}

type nopObserver struct{}

func (nopObserver) RunStarted(int, int)              {}
func (nopObserver) NotebookStarted(string, int)      {}
func (nopObserver) CellStarted(string, *CellResult)  {}
func (nopObserver) CellFinished(string, *CellResult) {}
func (nopObserver) NotebookFinished(*NotebookResult) {}
