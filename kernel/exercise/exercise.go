package exercise

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// CheckSuffix joins an exercise's name and its check cells' grade_ids: the
// check cell of exercise X is X-check (then X-check-2, ...).
const CheckSuffix = "-check"

// RaisesException is the tag of a cell that fails on purpose; prove never
// runs such a cell.
const RaisesException = "raises-exception"

// Notebook is a notebook with its exercises.
type Notebook struct {
	Path      string             // as given to Read ("" for one parsed in memory)
	NB        *notebook.Notebook // the notebook itself
	Exercises []*Exercise        // in the order of their solution cells
}

// Exercise is one exercise: a solution cell and its check cells.
type Exercise struct {
	ID       string // the solution cell's grade_id; check.Exercise(ID) in the check cells
	Solution int    // index of the solution cell in NB.Cells
	Checks   []int  // indexes of its check cells, in order
	Points   float64
}

// Read reads a notebook and finds its exercises. A notebook that cannot be
// read is an error; malformed exercises are Validate's business (Read keeps
// what it can make sense of).
func Read(path string) (*Notebook, error) {
	nb, err := notebook.Read(path)
	if err != nil {
		return nil, err
	}
	return Parse(nb, path), nil
}

// Parse finds the exercises of a notebook already in memory; path names it
// and locates its wrong answers.
func Parse(nb *notebook.Notebook, path string) *Notebook {
	n := &Notebook{Path: path, NB: nb}
	byID := map[string]*Exercise{}
	for i, c := range nb.Cells {
		m, err := MetaOf(c)
		if err != nil || m == nil || c.CellType != notebook.Code {
			continue
		}
		if m.Role() == Solution && m.GradeID != "" && byID[m.GradeID] == nil {
			ex := &Exercise{ID: m.GradeID, Solution: i}
			byID[m.GradeID] = ex
			n.Exercises = append(n.Exercises, ex)
		}
	}
	for i, c := range nb.Cells {
		m, err := MetaOf(c)
		if err != nil || m == nil || m.Role() != Check || c.CellType != notebook.Code {
			continue
		}
		if ex := byID[exerciseOf(m.GradeID)]; ex != nil && i > ex.Solution {
			ex.Checks = append(ex.Checks, i)
			ex.Points += m.Points
		}
	}
	return n
}

// checkIDPattern matches a check cell's grade_id: X-check or X-check-N.
var checkIDPattern = regexp.MustCompile(`^(.+)` + regexp.QuoteMeta(CheckSuffix) + `(-[0-9]+)?$`)

// exerciseOf returns the exercise a check cell's grade_id belongs to ("" if
// it does not follow the naming).
func exerciseOf(checkID string) string {
	m := checkIDPattern.FindStringSubmatch(checkID)
	if m == nil {
		return ""
	}
	return m[1]
}

// Stem is the notebook's file name without .ipynb: its folder name under
// testdata/wrong.
func (n *Notebook) Stem() string {
	return strings.TrimSuffix(filepath.Base(n.Path), ".ipynb")
}

// WrongDir is where the wrong answers of exercise id are kept:
// <notebook dir>/testdata/wrong/<stem>/<id>.
func (n *Notebook) WrongDir(id string) string {
	return filepath.Join(filepath.Dir(n.Path), "testdata", "wrong", n.Stem(), id)
}

// Exercise returns the exercise with the given id, or nil.
func (n *Notebook) Exercise(id string) *Exercise {
	for _, ex := range n.Exercises {
		if ex.ID == id {
			return ex
		}
	}
	return nil
}

// Needs returns the indexes of the cells an exercise needs, in order: the
// declaration cells before its solution cell (code cells without a %% line,
// not tagged raises-exception), then the solution cell, then its check
// cells. Earlier exercises' solution cells count as declaration cells
// (their reference solutions run).
func (n *Notebook) Needs(ex *Exercise) []int {
	var idx []int
	for i := 0; i < ex.Solution; i++ {
		if IsDeclarations(n.NB.Cells[i]) {
			idx = append(idx, i)
		}
	}
	idx = append(idx, ex.Solution)
	return append(idx, ex.Checks...)
}

// IsDeclarations reports whether a cell only declares (a code cell with
// something in it, no %% line, not tagged raises-exception): gonb keeps its
// declarations for the cells after it.
func IsDeclarations(c *notebook.Cell) bool {
	if c.CellType != notebook.Code || strings.TrimSpace(c.Source) == "" || c.HasTag(RaisesException) {
		return false
	}
	if m, _ := MetaOf(c); m != nil && m.Role() == Check {
		return false
	}
	return !slices.ContainsFunc(strings.Split(c.Source, "\n"), func(l string) bool {
		return guard.MainLine(l)
	})
}

// exerciseCall finds check.Exercise("...") in a check cell.
var exerciseCall = regexp.MustCompile(`check\.Exercise\(\s*"([^"]*)"\s*\)`)

// String names the exercise.
func (ex *Exercise) String() string { return fmt.Sprintf("exercise %s", ex.ID) }
