package proxy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/jupyter"
)

// CheckPointsKey is the metadata key of the execute_result the proxy adds
// to a cell that sent check results (helpers/check, check.ResultMIME): its
// text/plain is the points the cell's checks earned, a bare number, which
// is how stock nbgrader's autograde gives partial credit to a graded cell.
// The key's value is {"score": earned, "max_score": possible}.
//
// One such execute_result per cell, the sum over the exercises whose
// results the cell sent (an exercise reported twice counts once, with its
// lower score). Where it goes decides what nbgrader, which reads a graded
// cell's outputs in order and stops at the first error, stderr or
// execute_result, makes of the cell:
//   - when a result has a failed check, right after that result, so before
//     the line Done writes on stderr and the error that ends the cell:
//     nbgrader gives the points earned, as fearless grade does;
//   - when every check passed, none: nbgrader gives the cell full marks,
//     or 0 when something failed the cell after its checks passed (an
//     error, a data race reported on stderr at exit), as fearless grade
//     does. (In a learner's copy the check cells hold only the visible
//     checks, whose points add up to less than the cell's: a number there
//     would make nbgrader's Validate call a passing cell failed.)
//   - when a check ran the stub (not implemented yet), 0, once the cell is
//     over.
//
// A result with a check whose code under test is still the stub (status
// not-implemented) counts 0: the kernel cannot tell a handed-out solution
// cell, which fearless grade and nbgrader score 0 whatever checks pass
// around the stub, from a half-done one. Results sent after the
// execute_result went out change nothing. What nbgrader still scores 0
// where fearless grade does not: a cell that wrote to stderr before its
// result (a data race report, a learner's log line). nbgrader refuses a
// number above the cell's nbgrader points, which fearless prove makes equal
// to its checks' points. The number is no proof of anything (any cell can
// send a result); fearless grade scores only signed results and leaves
// these outputs out of its feedback.
const CheckPointsKey = "fearless/check_points"

// cellPoints is what one cell's check results add up to.
type cellPoints struct {
	ids   []string           // grade_ids, in the order reported
	score map[string]float64 // earned, by grade_id
	max   map[string]float64 // possible, by grade_id
	sent  bool               // the execute_result went out
	stub  bool               // a check ran the stub (not implemented)
}

// notePoints looks at a display_data of a cell for a check result. It
// returns what to publish once the display_data itself is published (the
// cell's execute_result, when the result has a failed check), or nil.
func (p *Proxy) notePoints(f jupyter.Frames, h, parent jupyter.Header) func() {
	if parent.MsgType != "execute_request" || !bytes.Contains(f.Parts[3], []byte(check.ResultMIME)) {
		return nil
	}
	var c struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if json.Unmarshal(f.Parts[3], &c) != nil {
		return nil
	}
	raw, ok := c.Data[check.ResultMIME]
	if !ok {
		return nil
	}
	r, err := check.DecodeResult(raw)
	if err != nil || !finite(r.Score) || !finite(r.MaxScore) {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	cp := p.points[parent.MsgID]
	if cp == nil {
		cp = &cellPoints{score: map[string]float64{}, max: map[string]float64{}}
		p.points[parent.MsgID] = cp
	}
	if cp.sent {
		return nil
	}
	score := r.Score
	for _, k := range r.Checks {
		if k.Status == check.StatusNotImplemented {
			score = 0
			cp.stub = true
		}
	}
	if old, seen := cp.score[r.GradeID]; !seen {
		cp.ids = append(cp.ids, r.GradeID)
		cp.score[r.GradeID], cp.max[r.GradeID] = score, r.MaxScore
	} else if score < old {
		cp.score[r.GradeID], cp.max[r.GradeID] = score, r.MaxScore
	}
	if r.Passed() {
		return nil // wait for the end of the cell
	}
	return p.pointsResult(cp, h, f.Parts[1], p.counts[parent.MsgID])
}

// flushPoints is called before a status goes out. When it is the idle
// status of a cell that sent check results, it publishes the cell's
// execute_result if that has not gone out yet (every check passed), and
// forgets the cell.
func (p *Proxy) flushPoints(f jupyter.Frames, h, parent jupyter.Header) {
	p.mu.Lock()
	cp := p.points[parent.MsgID]
	p.mu.Unlock()
	var st jupyter.Status
	if cp == nil || json.Unmarshal(f.Parts[3], &st) != nil || st.ExecutionState != "idle" {
		return
	}
	p.mu.Lock()
	delete(p.points, parent.MsgID)
	var send func()
	if !cp.sent && !cp.full() {
		send = p.pointsResult(cp, h, f.Parts[1], p.counts[parent.MsgID])
	}
	p.mu.Unlock()
	if send != nil {
		send()
	}
}

// full reports whether every exercise of the cell earned all its points,
// none through the stub. Such a cell gets no execute_result: nbgrader
// gives a graded cell without one full marks (unless it failed), and a
// number would be wrong in a learner's copy, whose check cells hold only
// the visible checks — their points add up to less than the cell's, and
// nbgrader's Validate would call a cell whose checks all passed failed.
func (cp *cellPoints) full() bool {
	if cp.stub {
		return false
	}
	for _, id := range cp.ids {
		if cp.score[id] < cp.max[id] {
			return false
		}
	}
	return true
}

// pointsResult marks cp sent and returns the function that publishes its
// execute_result. p.mu is held.
func (p *Proxy) pointsResult(cp *cellPoints, h jupyter.Header, parent []byte, count int) func() {
	cp.sent = true
	var score, max float64
	for _, id := range cp.ids {
		score += cp.score[id]
		max += cp.max[id]
	}
	text := strconv.FormatFloat(score, 'f', -1, 64)
	note := ""
	if cp.stub {
		note = " (not implemented yet: a check ran the stub)"
	}
	p.history.output(count, text)
	content := map[string]any{
		"execution_count": count,
		"data": map[string]any{
			"text/plain": text,
			"text/html": fmt.Sprintf(`<span class="fearless-check-points" style="font-family:sans-serif;font-size:13px">%s of %s %s%s</span>`,
				text, strconv.FormatFloat(max, 'f', -1, 64), pointsWord(max), note),
		},
		"metadata": map[string]any{CheckPointsKey: map[string]float64{"score": score, "max_score": max}},
	}
	return func() {
		topic := [][]byte{[]byte("kernel.fearless.execute_result")}
		if err := p.emit(p.fIOPub, topic, ownHeader("execute_result", h.Session, h.Username), parent, content); err != nil {
			p.logf("publishing a check cell's points: %v", err)
		}
	}
}

func pointsWord(n float64) string {
	if n == 1 {
		return "point"
	}
	return "points"
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
