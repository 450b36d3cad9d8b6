package proxy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
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
// file and a rename, so a reader never sees half of it.
type cellsFile struct {
	path string
	mu   sync.Mutex
	c    Cells
}

func (f *cellsFile) add(count int, code string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.c.Cells = append(f.c.Cells, Cell{ExecutionCount: count, Code: code})
	return f.writeLocked()
}

func (f *cellsFile) write() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.writeLocked()
}

func (f *cellsFile) writeLocked() error {
	if f.c.Cells == nil {
		f.c.Cells = []Cell{}
	}
	data, err := json.Marshal(f.c)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.path), ".cells-*.json")
	if err != nil {
		return fmt.Errorf("proxy: cells file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("proxy: cells file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("proxy: cells file: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
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
