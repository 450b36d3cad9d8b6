package engine

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"github.com/fearless-go/fearless/helpers/trace"
)

// OrderViolation reports two locks taken in both orders: the pattern that
// deadlocks when two goroutines do it at the same time.
type OrderViolation struct {
	// Locks names the two locks of the acquisition that closed the cycle:
	// Locks[1] was taken while Locks[0] was held.
	Locks []string
	// Earlier describes the order seen first, Now the one that closes the cycle.
	Earlier, Now []OrderStep
}

// OrderStep is one "took lock B while holding lock A" with both call sites.
type OrderStep struct {
	Goroutine      string
	Held, Taken    string // lock names
	HeldAt, TakeAt trace.Site
}

// String describes the step in one line, with both call sites.
func (s OrderStep) String() string {
	return fmt.Sprintf("%s took %s at %s while holding %s (taken at %s)",
		s.Goroutine, s.Taken, siteString(s.TakeAt), s.Held, siteString(s.HeldAt))
}

// Error describes the violation in a few lines.
func (v *OrderViolation) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "deadlock: lock order inversion between %s: this run did not hang, but it can\n", strings.Join(v.Locks, " and "))
	for _, s := range v.Earlier {
		fmt.Fprintf(&b, "  first:  %s\n", s)
	}
	for _, s := range v.Now {
		fmt.Fprintf(&b, "  then:   %s\n", s)
	}
	b.WriteString("  (Rust does not catch this either; take locks in one global order everywhere)")
	return b.String()
}

var reporter = struct {
	sync.Mutex
	w io.Writer
}{w: os.Stdout}

// SetOutput sets where lock-order violations are written as they are found
// (os.Stdout by default; nil to stay quiet). Violations returns them anyway.
//
// Standard output, not standard error: a violation is a warning, not a
// failure, and in a notebook it belongs in the cell's output where the
// learner reads it. nbgrader scores a graded cell with any stderr as failed,
// and gonb parses stderr for compiler errors.
func SetOutput(w io.Writer) {
	reporter.Lock()
	reporter.w = w
	reporter.Unlock()
}

func report(v *OrderViolation) {
	reporter.Lock()
	defer reporter.Unlock()
	if reporter.w != nil {
		fmt.Fprintln(reporter.w, v.Error())
	}
}

// Violations returns every lock-order violation found since the start or the
// last Reset, first found first.
func Violations() []*OrderViolation {
	state.Lock()
	defer state.Unlock()
	return append([]*OrderViolation(nil), state.found...)
}

// addOrder records edges held→lock for every lock g holds, and returns the
// violations that closes. The caller holds state's lock.
func addOrder(g int64, lock uint64, pcs callers.PCs) []*OrderViolation {
	var out []*OrderViolation
	for _, h := range state.heldBy[g] {
		if h.lock == lock {
			continue
		}
		key := [2]uint64{h.lock, lock}
		if _, seen := state.order[key]; seen {
			continue
		}
		state.order[key] = orderEdge{g: g, fromPCs: h.pcs, toPCs: pcs}
		// Does lock already come before h.lock, directly or through others?
		if path := orderPath(lock, h.lock); path != nil {
			pair := [2]uint64{min(lock, h.lock), max(lock, h.lock)}
			if state.reported[pair] {
				continue
			}
			state.reported[pair] = true
			v := &OrderViolation{Now: []OrderStep{step(key)}}
			v.Locks = append(v.Locks, rec.ObjectName(h.lock), rec.ObjectName(lock))
			for i := 0; i+1 < len(path); i++ {
				v.Earlier = append(v.Earlier, step([2]uint64{path[i], path[i+1]}))
			}
			state.found = append(state.found, v)
			out = append(out, v)
			if rec.Enabled() {
				rec.Emit(rec.LockOrder, rec.Instant, lock, 0, int64(h.lock))
			}
		}
	}
	return out
}

// orderPath returns a chain of recorded edges from a to b, or nil.
func orderPath(a, b uint64) []uint64 {
	visited := map[uint64]bool{a: true}
	var path []uint64
	var dfs func(x uint64) bool
	dfs = func(x uint64) bool {
		path = append(path, x)
		if x == b {
			return true
		}
		for key := range state.order {
			if key[0] == x && !visited[key[1]] {
				visited[key[1]] = true
				if dfs(key[1]) {
					return true
				}
			}
		}
		path = path[:len(path)-1]
		return false
	}
	if dfs(a) {
		return path
	}
	return nil
}

func step(key [2]uint64) OrderStep {
	e := state.order[key]
	return OrderStep{
		Goroutine: goroutineName(e.g),
		Held:      rec.ObjectName(key[0]),
		Taken:     rec.ObjectName(key[1]),
		HeldAt:    resolve(e.fromPCs),
		TakeAt:    resolve(e.toPCs),
	}
}

func resolve(pcs callers.PCs) trace.Site {
	s := callers.Resolve(pcs)
	if s.File == "" {
		return trace.Site{}
	}
	loc, code := where.Source(s.File, s.Line)
	return trace.Site{Func: s.Func, File: s.File, Line: s.Line, Code: code, Where: loc}
}

// siteString names a site as the learner sees it (see helpers/internal/where).
func siteString(s trace.Site) string {
	if s.Where != "" {
		return s.Where
	}
	if s.File == "" {
		return "an unknown line"
	}
	return where.Format(s.File, s.Line)
}

func goroutineName(g int64) string {
	if name, ok := rec.GoroutineName(g); ok {
		return fmt.Sprintf("goroutine %d %q", g, name)
	}
	return fmt.Sprintf("goroutine %d", g)
}
