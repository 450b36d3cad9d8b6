package proxy

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
)

// CellsEnv names the environment variable that gives cells the path of the
// cells file (contract C1).
const CellsEnv = "FEARLESS_CELLS"

// Cell is one executed cell in the cells file.
type Cell struct {
	ExecutionCount int    `json:"execution_count"`
	Code           string `json:"code"`
}

// Cells is the content of the cells file: every executed cell, in order.
type Cells struct {
	Cells []Cell `json:"cells"`
}

// cellsFile keeps the cells file, rewriting it whole through a temporary
// file and a rename, so a reader never sees half of it. The writes happen on
// a goroutine of their own (a rename costs a millisecond or two on a busy
// disk): the proxy goes on passing messages meanwhile, and a cell's program
// is still being built when its entry lands.
type cellsFile struct {
	path    string
	mu      sync.Mutex
	cond    *sync.Cond // signalled when written changes or the writer stops
	c       Cells
	encoded []byte // c.Cells encoded, without the brackets: each cell is encoded once
	gen     int    // cells added
	written int    // cells in the file
	dirty   chan struct{}
	stop    chan struct{}
	done    chan struct{}
	log     func(format string, args ...any)
}

func newCellsFile(path string, log func(string, ...any)) (*cellsFile, error) {
	f := &cellsFile{path: path, dirty: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{}), log: log}
	f.cond = sync.NewCond(&f.mu)
	f.c.Cells = []Cell{}
	if err := f.writeLocked(); err != nil {
		return nil, err
	}
	go f.writer()
	return f, nil
}

func (f *cellsFile) add(count int, code string) {
	f.mu.Lock()
	cell := Cell{ExecutionCount: count, Code: code}
	f.c.Cells = append(f.c.Cells, cell)
	if len(f.encoded) > 0 {
		f.encoded = append(f.encoded, ',')
	}
	f.encoded = append(f.encoded, mustJSON(cell)...)
	f.gen++
	f.mu.Unlock()
	select {
	case f.dirty <- struct{}{}:
	default: // a write is pending already; it will take this cell too
	}
}

func (f *cellsFile) writer() {
	defer close(f.done)
	for {
		select {
		case <-f.dirty:
		case <-f.stop:
			return
		}
		f.mu.Lock()
		gen := f.gen
		err := f.writeLocked()
		f.written = gen
		f.cond.Broadcast()
		f.mu.Unlock()
		if err != nil {
			f.log("writing %s: %v", f.path, err)
		}
	}
}

// flush waits until every cell added so far is in the file.
func (f *cellsFile) flush() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.written < f.gen {
		f.cond.Wait()
	}
}

// close writes what is pending and stops the writer.
func (f *cellsFile) close() {
	f.flush()
	close(f.stop)
	<-f.done
}

func (f *cellsFile) writeLocked() error {
	data, err := json.Marshal(f.c)
	if err != nil {
		return err
	}
	// 0600: the cells are the learner's code, for this user only.
	if err := atomicfile.Write(f.path, data, 0o600); err != nil {
		return fmt.Errorf("proxy: cells file: %w", err)
	}
	return nil
}

// ReadCells reads a cells file.
func ReadCells(path string) (Cells, error) {
	var c Cells
	data, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	return c, json.Unmarshal(data, &c)
}
