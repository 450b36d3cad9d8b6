package grade

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"strings"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// prepared is a submission made ready to run: the source notebook with the
// learner's solution cells (and the code cells they added) in it.
type prepared struct {
	// graded is what the feedback shows: every cell of the source in its
	// order, solution cells holding the learner's code, the learner's own
	// declaration cells after the source cell they followed.
	graded *notebook.Notebook
	// run holds the cells that run: declarations, solutions and check cells
	// (these signed); runFrom maps each to its index in graded.
	run     *notebook.Notebook
	runFrom []int
	// key is the run's signing key, handed to its check programs through
	// the environment (check.KeyEnv), never in their source; keys holds it
	// by check cell (index in graded).
	key  string
	keys map[int]string
	// checkOf maps a check cell's index in graded to its exercise; solutionAt
	// maps an exercise to its solution cell in graded (-1 when missing).
	checkOf    map[int]*exercise.Exercise
	solutionAt map[string]int
	extra      map[int]bool // the learner's own cells, by index in graded
	// missing and untouched name exercises with no solution cell, or with
	// the stub as handed out.
	missing, untouched map[string]bool
	// mergedAt holds, by run cell, how a solution and its check cell were
	// merged into it.
	mergedAt map[int]*merged
	// buildErr holds, by exercise, the compiler's messages about the
	// learner's solution cell (set after the run).
	buildErr map[string]string
	// refused holds, by exercise, why the learner's code was refused
	// before it ran (package guard): the exercise scores 0.
	refused map[string]string
	notes   []string
}

// restore builds the notebook to grade from the source and the learner's
// notebook (nil when it could not be read): what the learner may change
// (solution cells, by grade_id; declaration cells of their own) comes from
// the submission, everything else from the source — check cells, hidden
// checks, read-only cells, whatever the learner deleted, edited, split or
// moved.
func restore(src *exercise.Notebook, student *notebook.Notebook, handout *notebook.Notebook) *prepared {
	p := &prepared{
		key: newKey(), keys: map[int]string{}, checkOf: map[int]*exercise.Exercise{}, solutionAt: map[string]int{},
		extra: map[int]bool{}, buildErr: map[string]string{}, refused: map[string]string{}, mergedAt: map[int]*merged{}, missing: map[string]bool{}, untouched: map[string]bool{},
	}
	var cells []*notebook.Cell
	if student != nil {
		cells = student.Cells
	}
	roleOf := map[int]exercise.Role{} // source cell -> role
	idOf := map[string]int{}          // grade_id -> source cell
	plain := map[string][]int{}       // trimmed source of a plain source or handout cell -> source cells
	for i, c := range src.NB.Cells {
		m, _ := exercise.MetaOf(c)
		if m != nil {
			roleOf[i] = m.Role()
			if m.GradeID != "" {
				idOf[m.GradeID] = i
			}
			continue
		}
		k := strings.TrimSpace(c.Source)
		plain[k] = append(plain[k], i)
		if handout != nil && i < len(handout.Cells) {
			if h := strings.TrimSpace(handout.Cells[i].Source); h != k {
				plain[h] = append(plain[h], i)
			}
		}
	}

	// Walk the learner's cells: collect solutions by grade_id, and anchor
	// each cell of their own after the last cell the source knows.
	solutions := map[string][]string{}
	sameChecksum := map[string]int{} // solution cells by grade_id whose checksum is the handout's
	seenLocked := map[string]int{}
	after := map[int][]*notebook.Cell{} // source index (-1: the top) -> learner's cells
	anchor := -1
	var lockedOrder []int
	for _, c := range cells {
		if c.CellType != notebook.Code {
			continue
		}
		m, _ := exercise.MetaOf(c)
		if m != nil && m.GradeID != "" {
			if i, ok := idOf[m.GradeID]; ok {
				anchor = i
				if roleOf[i] == exercise.Solution {
					// nbgrader's checksum rule: a cell whose checksum is still
					// the one the handout stored was not changed.
					if m.Checksum != "" && m.Checksum == exercise.Checksum(c, m) {
						sameChecksum[m.GradeID]++
					}
					solutions[m.GradeID] = append(solutions[m.GradeID], c.Source)
				} else {
					seenLocked[m.GradeID]++
					lockedOrder = append(lockedOrder, i)
					if handout != nil && strings.TrimSpace(c.Source) != strings.TrimSpace(handout.Cells[i].Source) {
						p.note("cell %s was edited: the instructor's version was put back", m.GradeID)
					}
				}
				continue
			}
		}
		if is := plain[strings.TrimSpace(c.Source)]; len(is) > 0 {
			anchor = is[0]
			continue
		}
		if !exercise.IsDeclarations(c) {
			continue // scratch: a %% cell of the learner's own does not run
		}
		after[anchor] = append(after[anchor], notebook.NewCode(c.Source))
	}
	for i, c := range src.NB.Cells {
		if m, _ := exercise.MetaOf(c); m != nil && m.GradeID != "" && roleOf[i] != exercise.Solution && roleOf[i] != exercise.Plain && seenLocked[m.GradeID] == 0 && student != nil && len(cells) > 0 {
			p.note("cell %s was missing: the instructor's version was put back", m.GradeID)
		}
	}
	for k := 1; k < len(lockedOrder); k++ {
		if lockedOrder[k] < lockedOrder[k-1] {
			p.note("read-only cells were out of order: the instructor's order was restored")
			break
		}
	}

	// The graded notebook: the source, with the learner's code in it.
	p.graded = &notebook.Notebook{NBFormat: src.NB.NBFormat, NBFormatMinor: src.NB.NBFormatMinor,
		Metadata: maps.Clone(src.NB.Metadata), Extra: src.NB.Extra}
	p.run = &notebook.Notebook{NBFormat: src.NB.NBFormat, NBFormatMinor: src.NB.NBFormatMinor,
		Metadata: maps.Clone(src.NB.Metadata), Extra: src.NB.Extra}
	exOfCheck := map[int]*exercise.Exercise{}
	exOfSolution := map[int]*exercise.Exercise{}
	for _, ex := range src.Exercises {
		exOfSolution[ex.Solution] = ex
		for _, k := range ex.Checks {
			exOfCheck[k] = ex
		}
	}
	addRun := func(gi int, source string) {
		c := notebook.NewCode(source)
		c.Metadata = maps.Clone(p.graded.Cells[gi].Metadata)
		p.run.Cells = append(p.run.Cells, c)
		p.runFrom = append(p.runFrom, gi)
	}
	addExtras := func(at int) {
		for _, c := range after[at] {
			p.graded.Cells = append(p.graded.Cells, c)
			gi := len(p.graded.Cells) - 1
			p.extra[gi] = true
			addRun(gi, c.Source)
		}
	}
	addExtras(-1)
	for i, c := range src.NB.Cells {
		g := copyCell(c)
		if handout != nil && i < len(handout.Cells) && exOfCheck[i] != nil {
			g.Source = handout.Cells[i].Source // the feedback does not show hidden checks' code
		}
		p.graded.Cells = append(p.graded.Cells, g)
		gi := len(p.graded.Cells) - 1
		switch {
		case exOfSolution[i] != nil:
			ex := exOfSolution[i]
			sols := solutions[ex.ID]
			if len(sols) == 0 {
				p.missing[ex.ID] = true
				p.solutionAt[ex.ID] = -1
				g.Source = "// (no cell with grade_id " + ex.ID + " in the submission)"
				break
			}
			g.Source = strings.Join(sols, "\n\n")
			p.solutionAt[ex.ID] = gi
			if sameChecksum[ex.ID] == len(sols) || handout != nil && strings.TrimSpace(g.Source) == strings.TrimSpace(handout.Cells[i].Source) {
				p.untouched[ex.ID] = true
			}
			addRun(gi, g.Source)
		case exOfCheck[i] != nil:
			p.checkOf[gi] = exOfCheck[i]
			p.keys[gi] = p.key
			addRun(gi, c.Source)
		case exercise.IsDeclarations(c):
			addRun(gi, c.Source)
		}
		addExtras(i)
	}
	p.guard(src)
	p.merge(exOfSolution)
	for _, ex := range src.Exercises {
		if p.missing[ex.ID] && len(p.extra) > 0 {
			p.note("no cell with grade_id %q: the code cells you added ran in its place", ex.ID)
		}
	}
	return p
}

// merge runs each solution cell and the check cell right after it in the
// run as one cell, where they can be merged: one build instead of two.
func (p *prepared) merge(exOfSolution map[int]*exercise.Exercise) {
	var cells []*notebook.Cell
	var from []int
	for n := 0; n < len(p.run.Cells); n++ {
		c, gi := p.run.Cells[n], p.runFrom[n]
		if n+1 < len(p.run.Cells) {
			next := p.runFrom[n+1]
			if ex := p.checkOf[next]; ex != nil && p.solutionAt[ex.ID] == gi {
				if src, m, ok := mergeCells(c.Source, p.run.Cells[n+1].Source); ok {
					m.solution = gi
					p.mergedAt[len(cells)] = m
					mc := p.run.Cells[n+1]
					mc.Source = src
					cells, from = append(cells, mc), append(from, next)
					n++
					continue
				}
			}
		}
		cells, from = append(cells, c), append(from, gi)
	}
	p.run.Cells, p.runFrom = cells, from
}

func (p *prepared) note(format string, args ...any) {
	n := fmt.Sprintf(format, args...)
	for _, m := range p.notes {
		if m == n {
			return
		}
	}
	p.notes = append(p.notes, n)
}

// attempted reports whether anything of the learner's is worth running.
func (p *prepared) attempted() bool {
	return len(p.extra) > 0 || len(p.missing) < len(p.solutionAt)
}

func copyCell(c *notebook.Cell) *notebook.Cell {
	d := *c
	d.Metadata = maps.Clone(c.Metadata)
	d.Outputs = nil
	d.ExecutionCount = nil
	return &d
}

func newKey() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
