package grade

import (
	"fmt"
	"slices"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// guard checks the learner's cells of the run before anything runs (see
// package guard): a learner's redeclaration of an instructor's name is
// dropped; an exercise whose solution cell is refused does not run and
// scores 0; a refused cell of the learner's own does not run (a solution
// that needs it then fails to build).
func (p *prepared) guard(src *exercise.Notebook) {
	exOfSol := map[int]*exercise.Exercise{}
	for _, ex := range src.Exercises {
		if gi := p.solutionAt[ex.ID]; gi >= 0 {
			exOfSol[gi] = ex
		}
	}
	allowOf := map[string][]string{}
	var common []string // what every exercise allows: a cell of the learner's own may use it
	for n, ex := range src.Exercises {
		allowOf[ex.ID] = exercise.Allowed(src.NB.Cells[ex.Solution])
		if n == 0 {
			common = allowOf[ex.ID]
		} else {
			common = slices.DeleteFunc(slices.Clone(common), func(s string) bool { return !slices.Contains(allowOf[ex.ID], s) })
		}
	}
	cells := make([]guard.Cell, len(p.run.Cells))
	for n, c := range p.run.Cells {
		gi := p.runFrom[n]
		cells[n].Source = c.Source
		switch {
		case exOfSol[gi] != nil:
			cells[n].Learner, cells[n].Allow = true, allowOf[exOfSol[gi].ID]
		case p.extra[gi]:
			cells[n].Learner, cells[n].Allow = true, common
		}
	}
	srcs, dropped := guard.DropRedeclared(cells)
	for _, d := range dropped {
		where := "a cell you added"
		if ex := exOfSol[p.runFrom[d.Cell]]; ex != nil {
			where = "your solution to " + ex.ID
		}
		p.note("%s redeclares %s (line %d), which the instructor's cells declare: your declaration was not used", where, d.Name, d.Line)
	}
	for n := range cells {
		cells[n].Source = srcs[n]
		p.run.Cells[n].Source = srcs[n]
	}
	drop := map[int]bool{} // run cells that do not run
	for _, pr := range guard.Check(cells) {
		gi := p.runFrom[pr.Cell]
		drop[pr.Cell] = true
		if ex := exOfSol[gi]; ex != nil {
			if p.refused[ex.ID] == "" {
				p.refused[ex.ID] = pr.Error()
			}
			continue
		}
		p.note("a cell you added was not run: %s", pr.Error())
	}
	if len(p.refused) == 0 && len(drop) == 0 {
		return
	}
	var run []*notebook.Cell
	var from []int
	for n, c := range p.run.Cells {
		gi := p.runFrom[n]
		if drop[n] || p.checkOf[gi] != nil && p.refused[p.checkOf[gi].ID] != "" || exOfSol[gi] != nil && p.refused[exOfSol[gi].ID] != "" {
			continue
		}
		run, from = append(run, c), append(from, gi)
	}
	p.run.Cells, p.runFrom = run, from
}

// refusedMsg is a refused exercise's one line.
func refusedMsg(msg string) string { return fmt.Sprintf("refused before it ran: %s", msg) }
