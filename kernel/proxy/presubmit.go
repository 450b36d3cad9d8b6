package proxy

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/kernel/guard"
)

// PresubmitPrefix starts the line the proxy adds to a solution or check
// cell whose exercise `fearless grade` would refuse before running it.
const PresubmitPrefix = "fearless grade will refuse your solution to "

// presubmitWait bounds how long a cell's idle status waits for the guard's
// verdict (it takes milliseconds; the cell's build takes longer).
const presubmitWait = 2 * time.Second

// presubmit runs, while a learner works in JupyterLab, the check `fearless
// grade` runs before it grades (package guard), so the learner sees the
// grader's refusal in the solution cell and in its check cells before
// submitting.
//
// It needs nothing but the execute_requests: JupyterLab (4.x, and Notebook
// 7, which shares its cells) sends with each one the cell's metadata,
// nbgrader's included, and the cell's id (cellId), and lists the cells
// deleted since (deletedCells). The proxy keeps the last source run of each
// cell, which is also what gonb compiles the next cells against. A request
// without cellId (fearless run, fearless grade, nbclient without nbgrader
// metadata, jupyter console) adds nothing and costs one bytes.Contains.
//
// In a handout from `fearless assign` every code cell of the instructor's
// carries a guard.GivenKey mark; once a cell with one has run, the session
// is a handout's, and a code cell without a mark (or edited since) is one
// the learner added: checked as fearless grade checks it (its own code under
// what every exercise seen allows; a %% cell, which the grader does not
// run, left out). In any other notebook every cell but the solution cells
// is taken as the instructor's.
type presubmit struct {
	mu      sync.Mutex
	seq     int
	handout bool                   // a cell with a GivenKey mark has run
	cells   map[string]*ranCell    // by cellId
	pending map[string]chan string // verdicts by execute_request msg_id
	cache   map[[sha256.Size]byte]string
}

// ranCell is the last run of one notebook cell.
type ranCell struct {
	seq      int // when it last ran
	source   string
	solution string // the exercise it is the solution cell of
	check    string // the exercise it is a check cell of
	allow    []string
	given    bool // the instructor's: an nbgrader cell, or its GivenKey mark matches its source
}

// requestMeta is what JupyterLab puts in an execute_request's metadata.
type requestMeta struct {
	CellID       string   `json:"cellId"`
	DeletedCells []string `json:"deletedCells"`
	Given        string   `json:"fearless_given"`
	NBGrader     *struct {
		Grade    bool     `json:"grade"`
		Solution bool     `json:"solution"`
		Locked   bool     `json:"locked"`
		GradeID  string   `json:"grade_id"`
		Allow    []string `json:"fearless_allow"`
	} `json:"nbgrader"`
}

// checkID matches a check cell's grade_id: X-check or X-check-N.
var checkID = regexp.MustCompile(`^(.+)-check(-[0-9]+)?$`)

func (s *presubmit) init() {
	s.cells = map[string]*ranCell{}
	s.pending = map[string]chan string{}
	s.cache = map[[sha256.Size]byte]string{}
}

// request notes an execute_request on its way to the kernel and, for a
// solution or check cell, starts the guard on its exercise.
func (s *presubmit) request(msgID string, metadata, content []byte) {
	if !bytes.Contains(metadata, []byte(`"cellId"`)) {
		return
	}
	var m requestMeta
	var c struct {
		Code   string `json:"code"`
		Silent bool   `json:"silent"`
	}
	if json.Unmarshal(metadata, &m) != nil || json.Unmarshal(content, &c) != nil || m.CellID == "" || c.Silent {
		return
	}
	cell := &ranCell{source: c.Code, given: m.NBGrader != nil || m.Given != "" && m.Given == guard.GivenDigest(c.Code)}
	if g := m.NBGrader; g != nil {
		switch {
		case g.Solution && !g.Grade && !g.Locked && g.GradeID != "":
			cell.solution, cell.allow = g.GradeID, g.Allow
		case g.Grade && g.Locked && !g.Solution:
			if sm := checkID.FindStringSubmatch(g.GradeID); sm != nil {
				cell.check = sm[1]
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range m.DeletedCells {
		delete(s.cells, id)
	}
	s.handout = s.handout || m.Given != ""
	s.seq++
	cell.seq = s.seq
	s.cells[m.CellID] = cell
	ex := cell.solution + cell.check
	if ex == "" {
		return
	}
	cells, at, added := s.program(ex)
	if at < 0 {
		return
	}
	key := programKey(ex, cells, at)
	done := make(chan string, 1)
	s.pending[msgID] = done
	if v, ok := s.cache[key]; ok {
		done <- v
		return
	}
	go func() {
		v := verdict(ex, cells, at, added)
		s.mu.Lock()
		if len(s.cache) >= 64 {
			clear(s.cache)
		}
		s.cache[key] = v
		s.mu.Unlock()
		done <- v
	}()
}

// program is the cells run so far as the guard sees them, in the order
// they last ran: the latest solution cell of ex is the learner's (at), the
// other exercises' solution cells are the learner's too (with their own
// allow-lists), and so, in a handout, are the cells the learner added
// (added: with what every exercise seen allows); every other cell is taken
// as the instructor's. at is -1 when ex's solution has not run. Called with
// s.mu held.
func (s *presubmit) program(ex string) (cells []guard.Cell, at int, added map[int]bool) {
	ran := make([]*ranCell, 0, len(s.cells))
	var common []string
	seen := false
	for _, c := range s.cells {
		ran = append(ran, c)
		if c.solution != "" {
			if !seen {
				common, seen = slices.Clone(c.allow), true
			} else {
				common = slices.DeleteFunc(common, func(p string) bool { return !slices.Contains(c.allow, p) })
			}
		}
	}
	slices.SortFunc(ran, func(a, b *ranCell) int { return a.seq - b.seq })
	at = -1
	added = map[int]bool{}
	for _, c := range ran {
		cell := guard.Cell{Source: c.source, Learner: c.solution != "", Allow: c.allow}
		if s.handout && c.solution == "" && !c.given {
			if scratch(c.source) {
				continue // fearless grade runs no %% cell of the learner's
			}
			added[len(cells)] = true
			cell.Learner, cell.Allow = true, common
		}
		if c.solution == ex {
			at = len(cells)
		}
		cells = append(cells, cell)
	}
	return cells, at, added
}

// scratch reports whether a cell of the learner's runs code (%% or %main):
// fearless grade keeps only the learner's cells of declarations.
func scratch(src string) bool {
	return strings.TrimSpace(src) == "" || slices.ContainsFunc(strings.Split(src, "\n"), guard.MainLine)
}

// programKey identifies a verdict: the exercise, where its solution is,
// and every cell.
func programKey(ex string, cells []guard.Cell, at int) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q %d\n", ex, at)
	for _, c := range cells {
		fmt.Fprintf(h, "%v %q %q\n", c.Learner, c.Allow, c.Source)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// verdict is what the learner sees when fearless grade would refuse the
// solution to ex (the cell at), drop part of it, or leave out a cell the
// learner added (added), or "". The cells go through the guard as fearless
// grade puts them through it: the instructor's declarations win first, then
// Check.
func verdict(ex string, cells []guard.Cell, at int, added map[int]bool) string {
	var out strings.Builder
	srcs, dropped := guard.DropRedeclared(cells)
	for i := range cells {
		cells[i].Source = srcs[i]
	}
	probs := guard.Check(cells)
	for _, p := range probs {
		if p.Cell == at {
			out.WriteString(PresubmitPrefix + ex + ": " + p.Error() + "\n")
		}
	}
	for _, d := range dropped {
		if d.Cell == at {
			fmt.Fprintf(&out, "fearless grade will not use line %d of your solution to %s: it redeclares %s, which the instructor's cells declare\n", d.Line, ex, d.Name)
			break
		}
	}
	for _, p := range probs {
		if added[p.Cell] {
			out.WriteString("fearless grade will not run a cell you added: " + p.Error() + "\n")
			break
		}
	}
	for _, d := range dropped {
		if added[d.Cell] {
			fmt.Fprintf(&out, "fearless grade will not use line %d of a cell you added: it redeclares %s, which the instructor's cells declare\n", d.Line, d.Name)
			break
		}
	}
	return out.String()
}

// idle returns the verdict for an execute_request whose kernel has gone
// idle: "" when there is none or the grader would accept the solution.
func (s *presubmit) idle(msgID string) string {
	s.mu.Lock()
	done, ok := s.pending[msgID]
	delete(s.pending, msgID)
	s.mu.Unlock()
	if !ok {
		return ""
	}
	select {
	case v := <-done:
		return v
	case <-time.After(presubmitWait):
		return ""
	}
}
