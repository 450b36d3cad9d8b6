package engine

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Error is the panic value of a goroutine that was about to block forever:
// the goroutines in Cycle each wait for the next, and the last for the first.
type Error struct {
	Cycle []Step
}

// Step is one goroutine in a deadlock cycle and what it waits for.
type Step struct {
	Goroutine int64
	Name      string     // the goroutine's name, if it has one
	Waits     string     // what it waits for, e.g. `for mutex "B", which goroutine 7 "worker" holds`
	At        trace.Site // where it waits
}

// Error describes the cycle, one goroutine per line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("deadlock: these goroutines wait for each other, so none can go on:\n")
	for _, s := range e.Cycle {
		fmt.Fprintf(&b, "  %s, at %s, waits %s\n", describe(s.Goroutine, s.Name), siteString(s.At), s.Waits)
	}
	b.WriteString("  (Rust would hang here too: its locks prevent data races, not deadlocks. Take locks in one order, never wait for a lock you already hold, and never join a thread that needs a lock you hold.)")
	return b.String()
}

func describe(g int64, name string) string {
	if name != "" {
		return fmt.Sprintf("goroutine %d %q", g, name)
	}
	return fmt.Sprintf("goroutine %d", g)
}

func nameOf(g int64) string {
	name, _ := rec.GoroutineName(g)
	return name
}

// newError describes cycle. The caller holds state's lock, and every
// goroutine in cycle is in state.waits.
func newError(cycle []int64) *Error {
	e := &Error{}
	for i, g := range cycle {
		w := state.waits[g]
		next := cycle[(i+1)%len(cycle)]
		nextName := describe(next, nameOf(next))
		var waits string
		switch {
		case w.lock == 0:
			waits = fmt.Sprintf("for thread %q to finish; it runs as %s", rec.ObjectName(w.thread), nextName)
		case next == g:
			waits = fmt.Sprintf("for %s, which it already holds (locks are not reentrant)", lockName(w.lock))
		case holds(next, w.lock):
			waits = fmt.Sprintf("for %s, which %s holds", lockName(w.lock), nextName)
		default:
			waits = fmt.Sprintf("to read-lock %s behind %s, which is waiting to write-lock it (writers go first)", lockName(w.lock), nextName)
		}
		e.Cycle = append(e.Cycle, Step{Goroutine: g, Name: nameOf(g), Waits: waits, At: resolve(w.pcs)})
	}
	return e
}

func holds(g int64, lock uint64) bool {
	ls := state.locks[lock]
	return ls != nil && ls.holders[g] > 0
}

// lockName is `mutex "account"` for a lock named with its Name option,
// `mutex 3` for one without.
func lockName(id uint64) string {
	name := rec.ObjectName(id)
	if name == rec.DefaultName(id) {
		return name
	}
	return fmt.Sprintf("%s %q", rec.KindOf(id), name)
}
