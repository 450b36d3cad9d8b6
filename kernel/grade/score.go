package grade

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/runner"
)

// score turns one run into grades: each exercise scores only what its
// instructor's check cells reported in this run, signed with their keys.
// cells are the run's cell results (nil when nothing ran), in run order;
// why says what stopped the run, when something did.
func score(src *exercise.Notebook, p *prepared, cells []*runner.CellResult, why string) ([]*Exercise, []string) {
	var notes []string
	byGraded := map[int]*runner.CellResult{}
	for n, c := range cells {
		if n < len(p.runFrom) {
			byGraded[p.runFrom[n]] = c
		}
	}
	for id, gi := range p.solutionAt {
		if c := byGraded[gi]; gi >= 0 && c != nil && len(c.Diagnostics) > 0 {
			p.buildErr[id] = compileMsg(c.Diagnostics)
		}
	}
	// A merged cell's messages go back to the solution's and the check
	// cell's own lines.
	for n, m := range p.mergedAt {
		if n >= len(cells) || len(cells[n].Diagnostics) == 0 {
			continue
		}
		sol, chk := m.split(cells[n].ExecutionCount, cells[n].Diagnostics)
		if len(sol) > 0 {
			for id, gi := range p.solutionAt {
				if gi == m.solution {
					p.buildErr[id] = compileMsg(sol)
				}
			}
		}
		cells[n].Diagnostics = chk
		if len(chk) == 0 {
			cells[n].Diagnostics = nil
		}
	}
	// Results sent by any other cell never count; say so once.
	for gi, c := range byGraded {
		if p.checkOf[gi] == nil && len(resultsIn(c.Outputs)) > 0 {
			notes = append(notes, "a cell other than a check cell sent a check result: it was ignored")
			break
		}
	}
	var out []*Exercise
	for _, ex := range src.Exercises {
		e := &Exercise{ID: ex.ID, MaxScore: ex.Points}
		for _, k := range ex.Checks {
			gi := gradedIndex(p, k, ex)
			m, _ := exercise.MetaOf(src.NB.Cells[k])
			points := m.Points
			cr := byGraded[gi]
			checks, ignored := checkCell(ex, p, gi, cr, points, why)
			if ignored > 0 {
				notes = append(notes, fmt.Sprintf("%s: %d result(s) not produced by the instructor's check cell were ignored", ex.ID, ignored))
			}
			e.Checks = append(e.Checks, checks...)
		}
		if p.untouched[ex.ID] { // nbgrader's rule: an unchanged solution cell scores 0
			for i := range e.Checks {
				e.Checks[i].Score = 0
			}
		}
		for _, c := range e.Checks {
			e.Score += c.Score
		}
		e.Score = math.Min(e.Score, e.MaxScore)
		e.Reason = reason(e, p)
		e.Refused = p.refused[ex.ID] != ""
		out = append(out, e)
	}
	return out, notes
}

// gradedIndex finds source check cell k in the graded notebook.
func gradedIndex(p *prepared, k int, ex *exercise.Exercise) int {
	n := 0
	for gi := range p.graded.Cells {
		if p.checkOf[gi] == ex {
			if ex.Checks[n] == k {
				return gi
			}
			n++
		}
	}
	return -1
}

// checkCell scores one check cell from its run.
func checkCell(ex *exercise.Exercise, p *prepared, gi int, cr *runner.CellResult, points float64, why string) ([]Check, int) {
	fail := func(msg string) []Check {
		return []Check{{Name: "the check cell", MaxScore: points, Status: "not-run", Message: msg}}
	}
	if cr == nil || cr.Status == runner.NotRun {
		switch {
		case p.refused[ex.ID] != "":
			return []Check{{Name: "the check cell", MaxScore: points, Status: StatusRefused, Message: refusedMsg(p.refused[ex.ID])}}, 0
		case p.missing[ex.ID] && !p.attempted():
			return fail(missingMsg(ex.ID)), 0
		case why != "":
			return fail("did not run: " + why), 0
		}
		return fail("did not run"), 0
	}
	var valid []*check.Result
	ignored := 0
	for _, r := range resultsIn(cr.Outputs) {
		if r.Verify(p.keys[gi]) && r.GradeID == ex.ID {
			valid = append(valid, r)
		} else {
			ignored++
		}
	}
	if len(valid) == 0 {
		return fail(cellFailure(ex, p, cr)), ignored
	}
	r := valid[0]
	for _, v := range valid[1:] { // cannot happen (one key, one Exercise): take the worse
		if v.Score < r.Score {
			r = v
		}
	}
	var out []Check
	scale := 1.0
	if r.MaxScore > points && r.MaxScore > 0 {
		scale = points / r.MaxScore
	}
	visible := ""
	if gi >= 0 && gi < len(p.graded.Cells) {
		visible = p.graded.Cells[gi].Source // the handout's check cell
	}
	for _, c := range r.Checks {
		hidden := !strings.Contains(visible, strconv.Quote(c.Name)) && !strings.Contains(visible, "`"+c.Name+"`")
		out = append(out, Check{Name: c.Name, Score: c.Points * scale, MaxScore: c.MaxPoints * scale, Status: c.Status, Message: c.Message, Hidden: hidden})
	}
	// The result is authentic; a cell that then ended in error scores 0
	// unless the error is Done's own (a failed check ends the program).
	if cr.Status != runner.OK && r.Passed() {
		for i := range out {
			out[i].Score = 0
		}
		out = append(out, Check{Name: "the check cell ran to the end", MaxScore: 0, Status: "failed",
			Message: "every check passed, then the cell failed: " + cr.Message()})
	}
	if cr.Status == runner.TimedOut || cr.Status == runner.OutputLimit || cr.Status == runner.KernelDied {
		for i := range out {
			out[i].Score = 0
		}
		out = append(out, Check{Name: "the check cell ran to the end", Status: "failed", Message: cr.Message()})
	}
	return out, ignored
}

// cellFailure says why a check cell produced no result.
func cellFailure(ex *exercise.Exercise, p *prepared, cr *runner.CellResult) string {
	if p.missing[ex.ID] {
		return missingMsg(ex.ID) + "; the check cell: " + firstLine(cr.Message())
	}
	if len(cr.Diagnostics) > 0 {
		return "the check cell did not build: " + compileMsg(cr.Diagnostics) + solutionBuild(ex, p)
	}
	if p.buildErr[ex.ID] != "" {
		return "your solution cell did not build: " + p.buildErr[ex.ID]
	}
	switch cr.Status {
	case runner.OK:
		return "the check cell ended before its checks reported (did the code under test call os.Exit or runtime.Goexit?)"
	case runner.TimedOut, runner.OutputLimit, runner.KernelDied:
		return cr.Message()
	}
	if strings.Contains(cr.Stderr, "WARNING: DATA RACE") {
		// Graded with the race detector (the default): stopped at the first race.
		return "the race detector stopped the check cell at a data race before its checks reported " +
			"(with a data race Go no longer guarantees what a program does, so its report could not be trusted); " +
			"the detector's report, in the cell's output below, names the lines that raced"
	}
	return "the check cell failed before its checks reported: " + cr.Message()
}

// solutionBuild quotes why the solution cell did not build, if it did not.
func solutionBuild(ex *exercise.Exercise, p *prepared) string {
	if p.buildErr[ex.ID] != "" {
		return "; your solution cell did not build: " + p.buildErr[ex.ID]
	}
	return ""
}

// compileMsg gives a cell's compiler messages on one line, placed in cells
// and lines as the feedback notebook shows them.
func compileMsg(diags []runner.Diagnostic) string {
	var parts []string
	for i, d := range diags {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(diags)-3))
			break
		}
		m := strings.Join(strings.Fields(d.Message), " ")
		if d.Line > 0 {
			m = fmt.Sprintf("line %d: %s", d.Line, m)
		}
		parts = append(parts, m)
	}
	return strings.Join(parts, "; ")
}

func missingMsg(id string) string {
	return fmt.Sprintf("no solution cell for exercise %s (grade_id %q) in the submission: it was deleted or its metadata changed", id, id)
}

// reason is the exercise's verdict in a line.
func reason(e *Exercise, p *prepared) string {
	if e.Score >= e.MaxScore {
		return ""
	}
	var failed []string
	notImpl := 0
	for _, c := range e.Checks {
		if c.Score < c.MaxScore || c.Status != check.StatusPassed {
			if c.Status == check.StatusNotImplemented {
				notImpl++
				continue
			}
			if c.Status == check.StatusPassed {
				continue
			}
			failed = append(failed, c.Name+": "+firstLine(c.Message))
		}
	}
	switch {
	case p.refused[e.ID] != "":
		return refusedMsg(p.refused[e.ID])
	case p.untouched[e.ID] && len(failed) == 0:
		return "not attempted: the solution cell is as handed out"
	case len(failed) == 0 && notImpl > 0:
		return "not implemented yet"
	case len(failed) == 0:
		return ""
	}
	return failed[0]
}

// resultsIn decodes the check results among a cell's outputs.
func resultsIn(outs []*notebook.Output) []*check.Result {
	var rs []*check.Result
	for _, o := range outs {
		if v, ok := o.Data[check.ResultMIME]; ok {
			if r, err := check.DecodeResult(v); err == nil {
				rs = append(rs, r)
			}
		}
	}
	return rs
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
