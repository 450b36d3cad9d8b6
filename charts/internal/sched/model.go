package sched

import (
	"cmp"
	"slices"
	"time"
)

// State is a goroutine's scheduler state.
type State uint8

// The goroutine states.
const (
	Running  State = iota // executing on a P
	Runnable              // ready, waiting for a P
	Waiting               // blocked; Span.Reason says on what
	Syscall               // in a system call
)

// String returns the state's name.
func (s State) String() string {
	switch s {
	case Running:
		return "running"
	case Runnable:
		return "runnable"
	case Waiting:
		return "waiting"
	case Syscall:
		return "syscall"
	}
	return "unknown"
}

// Model is the scheduler's view of a run.
type Model struct {
	Duration   time.Duration // on the recorder's clock
	Goroutines []Goroutine   // user goroutines, in order of id
	Procs      []Proc        // processors, in order of id
	Wakes      []Wake        // who made whom runnable
	Aligned    bool          // times are on the recorder's clock (a clock mark was found)
	Notes      []string
}

// Goroutine is one goroutine's lane.
type Goroutine struct {
	ID    int64
	Name  string
	Spans []Span
}

// Span is a stretch of time a goroutine spent in one state.
type Span struct {
	State      State
	Reason     string // why it stopped running: "sync", "chan receive", "sleep", "preempted"...
	Start, End time.Duration
	Proc       int64  // the P it ran on, for Running; -1 otherwise
	Site       string // the user code it was in when it blocked, if known
}

// Proc is one processor's lane: the goroutines it ran.
type Proc struct {
	ID   int64
	Runs []Run
}

// Run is a stretch of time a P ran one goroutine.
type Run struct {
	G          int64
	Start, End time.Duration
}

// Wake is a goroutine making another runnable (unblocking it).
type Wake struct {
	From, To int64 // goroutine ids
	At       time.Duration
}

// MaxParallel returns the largest number of goroutines that were running
// at the same instant.
func (m *Model) MaxParallel() int {
	type edge struct {
		t time.Duration
		d int
	}
	var es []edge
	for _, g := range m.Goroutines {
		for _, s := range g.Spans {
			if s.State == Running && s.End > s.Start {
				es = append(es, edge{s.Start, 1}, edge{s.End, -1})
			}
		}
	}
	slices.SortStableFunc(es, func(a, b edge) int { return cmp.Or(cmp.Compare(a.t, b.t), cmp.Compare(a.d, b.d)) })
	best, cur := 0, 0
	for _, e := range es {
		cur += e.d
		best = max(best, cur)
	}
	return best
}

// BusyProcs returns the number of Ps that ran at least one goroutine.
func (m *Model) BusyProcs() int {
	n := 0
	for _, p := range m.Procs {
		if len(p.Runs) > 0 {
			n++
		}
	}
	return n
}
