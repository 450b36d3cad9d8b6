package check

import (
	"sync"
	"time"

	"github.com/fearless-go/fearless/helpers/trace"
)

// GateWait is how long a Gate holds a call waiting for the others before it
// gives up and opens for good.
const GateWait = 2 * time.Second

// A Gate makes work that can overlap overlap, whatever the machine's load:
// put it in the callback the learner's code calls (the exercise's work,
// parse, fetch on threads) and each call is recorded as a span named after
// the gate and held until n calls are inside at the same moment. Code that
// runs the calls on n threads at once gets through at once; code that runs
// them one after another holds its first call for GateWait, after which the
// gate stays open and the recording shows one call at a time. Observe then
// reads the verdict from the recording (Threads, AtOnce). The zero Gate is
// not usable; make one with NewGate. Its methods may be called from many
// goroutines.
type Gate struct {
	name string
	n    int

	mu     sync.Mutex
	inside int
	open   chan struct{} // closed when n were inside at once, or after GateWait
	timer  *time.Timer
}

// NewGate returns a gate named name that holds each call until n are inside.
// With n <= 1 it holds nothing and only records the spans.
func NewGate(name string, n int) *Gate {
	g := &Gate{name: name, n: n, open: make(chan struct{})}
	if n <= 1 {
		close(g.open)
	}
	return g
}

// Passage is one call's way through a Gate; End it when the call's work is
// done, typically with defer gate.Enter().End().
type Passage struct {
	g    *Gate
	span trace.Region
}

// Enter begins a span named after the gate on the calling goroutine and
// waits until the gate is open: n calls inside at once, or GateWait after
// the first call arrived.
func (g *Gate) Enter() Passage {
	span := trace.Span(g.name)
	g.mu.Lock()
	g.inside++
	select {
	case <-g.open:
	default:
		if g.inside >= g.n {
			close(g.open)
			if g.timer != nil {
				g.timer.Stop()
			}
		} else if g.timer == nil {
			g.timer = time.AfterFunc(GateWait, g.giveUp)
		}
	}
	g.mu.Unlock()
	<-g.open
	return Passage{g: g, span: span}
}

func (g *Gate) giveUp() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.open:
	default:
		close(g.open)
	}
}

// End ends the call's span and lets the gate count it out.
func (p Passage) End() {
	p.span.End()
	p.g.mu.Lock()
	p.g.inside--
	p.g.mu.Unlock()
}
