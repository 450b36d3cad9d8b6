package exercise

import (
	"fmt"

	"github.com/fearless-go/fearless/kernel/guard"
)

// guardProblem runs the check fearless grade runs on a learner's cells
// before they run (package guard) on one variant's solution: the
// declaration cells it needs, the solution as the learner's, the check
// cells. It returns why the grader would refuse the solution or drop part
// of it, or "".
func guardProblem(setup []string, solution string, allow []string, checks []string) string {
	cells := make([]guard.Cell, 0, len(setup)+1+len(checks))
	for _, s := range setup {
		cells = append(cells, guard.Cell{Source: s})
	}
	at := len(cells)
	cells = append(cells, guard.Cell{Source: solution, Learner: true, Allow: allow})
	for _, s := range checks {
		cells = append(cells, guard.Cell{Source: s})
	}
	if _, dropped := guard.DropRedeclared(cells); len(dropped) > 0 {
		d := dropped[0]
		return fmt.Sprintf("line %d redeclares %s, which the instructor's cells declare: fearless grade drops it", d.Line, d.Name)
	}
	for _, p := range guard.Check(cells) {
		if p.Cell == at {
			return "fearless grade would refuse it: " + p.Error()
		}
	}
	return ""
}
