package proxy

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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
type presubmit struct {
	mu      sync.Mutex
	seq     int
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
}

// requestMeta is what JupyterLab puts in an execute_request's metadata.
type requestMeta struct {
	CellID       string   `json:"cellId"`
	DeletedCells []string `json:"deletedCells"`
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
	cell := &ranCell{source: c.Code}
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
	s.seq++
	cell.seq = s.seq
	s.cells[m.CellID] = cell
	ex := cell.solution + cell.check
	if ex == "" {
		return
	}
	cells, at := s.program(ex)
	if at < 0 {
		return
	}
	key := programKey(ex, cells)
	done := make(chan string, 1)
	s.pending[msgID] = done
	if v, ok := s.cache[key]; ok {
		done <- v
		return
	}
	go func() {
		v := verdict(ex, cells, at)
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
// allow-lists), every other cell is taken as the instructor's. at is -1
// when ex's solution has not run. Called with s.mu held.
func (s *presubmit) program(ex string) (cells []guard.Cell, at int) {
	ran := make([]*ranCell, 0, len(s.cells))
	for _, c := range s.cells {
		ran = append(ran, c)
	}
	slices.SortFunc(ran, func(a, b *ranCell) int { return a.seq - b.seq })
	at = -1
	for _, c := range ran {
		if c.solution == ex {
			at = len(cells)
		}
		cells = append(cells, guard.Cell{Source: c.source, Learner: c.solution != "", Allow: c.allow})
	}
	return cells, at
}

// programKey identifies a verdict: the exercise and every cell.
func programKey(ex string, cells []guard.Cell) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q\n", ex)
	for _, c := range cells {
		fmt.Fprintf(h, "%v %q %q\n", c.Learner, c.Allow, c.Source)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// verdict is the line the learner sees when fearless grade would refuse
// the solution to ex (the cell at), or "". The cells go through the
// guard as fearless grade puts them through it: the instructor's
// declarations win first, then Check.
func verdict(ex string, cells []guard.Cell, at int) string {
	srcs, _ := guard.DropRedeclared(cells)
	for i := range cells {
		cells[i].Source = srcs[i]
	}
	for _, p := range guard.Check(cells) {
		if p.Cell == at {
			return PresubmitPrefix + ex + ": " + p.Error() + "\n"
		}
	}
	return ""
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
