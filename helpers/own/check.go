package own

import (
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// check panics unless the calling goroutine owns v. The fast path is one
// goroutine-id lookup and one atomic load.
func (v *Value[T]) check() int64 {
	g := goid.Get()
	if v == nil || v.owner.Load() != g {
		v.claimOrRefuse(g)
	}
	return g
}

// claimOrRefuse gives a zero Value to its first user, or panics with why g
// may not use v.
//
//go:noinline
func (v *Value[T]) claimOrRefuse(g int64) {
	if v == nil {
		panic(where.Refuse("own: nil *Value used (make one with own.New)"))
	}
	if v.owner.CompareAndSwap(unowned, g) {
		return
	}
	panic(where.Refuse(refusal(g, v.owner.Load(), v.last.Load())))
}

// transfer records a move or drop, for the message of a later misuse.
type transfer struct {
	kind   transferKind
	thread uint64 // the thread or channel moved into, for intoThread and intoChannel
	pcs    callers.PCs
}

type transferKind uint8

const (
	movedHere   transferKind = iota // Move: a new handle took over
	intoThread                      // MoveInto a thread being spawned
	outOfThread                     // MoveInto(0): returned from a thread to its joiner
	intoChannel                     // MoveInto a channel: sent, for the receiver to claim
	droppedHere                     // Drop
)

const rustMoved = "(Rust: borrow of moved value)"

// refusal says why goroutine g may not use a value whose owner is owner.
func refusal(g, owner int64, last *transfer) string {
	if last == nil {
		return fmt.Sprintf("own: value used by %s, but it belongs to %s "+
			"(Rust: the closure borrows a value it may outlive; move it into the thread: thread.Spawn(f, thread.Move(v)))",
			goroutine(g), goroutine(owner))
	}
	at := siteString(callers.Resolve(last.pcs))
	switch last.kind {
	case intoThread:
		return fmt.Sprintf("own: use after move: the value was moved into %s at %s %s",
			threadName(last.thread), at, rustMoved)
	case intoChannel:
		return fmt.Sprintf("own: use after move: the value was sent on %s at %s %s",
			objectName(last.thread), at, rustMoved)
	case outOfThread:
		return "own: use after move: the value was returned from its thread to the goroutine that joins it " + rustMoved
	case droppedHere:
		return fmt.Sprintf("own: use after drop: the value was dropped at %s (Rust: borrow of moved value; drop takes ownership)", at)
	}
	return fmt.Sprintf("own: use after move: the value was moved at %s %s", at, rustMoved)
}

// threadName is `thread "worker"` for a named thread, `thread 3` otherwise.
func threadName(id uint64) string { return objectName(id) }

// objectName is `thread "worker"` or `channel "jobs"` for a named object,
// `thread 3` or `channel 2` otherwise.
func objectName(id uint64) string {
	if name := rec.ObjectName(id); name != rec.DefaultName(id) {
		return fmt.Sprintf("%s %q", rec.KindOf(id), name)
	}
	return rec.DefaultName(id)
}

func goroutine(g int64) string {
	if name, ok := rec.GoroutineName(g); ok {
		return fmt.Sprintf("goroutine %d %q", g, name)
	}
	return fmt.Sprintf("goroutine %d", g)
}

// siteString names a site as every report does (see helpers/internal/where):
// never "main.go:12", which gonb's stderr parser takes for a compile error.
func siteString(s callers.Site) string {
	return where.Format(s.File, s.Line)
}
