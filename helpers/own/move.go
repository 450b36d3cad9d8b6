package own

import (
	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Move moves the value to a new handle owned by the caller and returns it,
// as `let b = a;` does in Rust: every later use of the old handle panics
// with "use after move" and the line of this call.
func (v *Value[T]) Move() *Value[T] {
	g := v.check()
	pcs := callers.Capture()
	n := &Value[T]{value: v.value}
	n.owner.Store(g)
	n.id.Store(v.TraceID())
	var zero T
	v.value = zero
	v.leave(&transfer{kind: movedHere, pcs: pcs}, moved, rec.Move, 0)
	return n
}

// Movable is a value that helpers/thread can move into a new thread (the
// thread.Move option) and out of a finished one (a thread's result that Join
// hands to the joiner), and that helpers/mpsc moves from sender to receiver.
// *Value implements it.
type Movable interface {
	// Owned reports whether the calling goroutine may use the value now.
	Owned() bool
	// MoveInto gives up the calling goroutine's ownership in favour of the
	// helper object with trace id to: a thread being spawned, a channel the
	// value is sent on, or 0 for whichever goroutine joins the current
	// thread. It panics unless the caller owns the value. The receiving
	// goroutine calls claim to become the owner; only the first call counts.
	MoveInto(to uint64) (claim func())
}

// MoveInto implements Movable; thread.Move and mpsc's Send call it.
func (v *Value[T]) MoveInto(to uint64) (claim func()) {
	if v == nil {
		return func() {}
	}
	v.check()
	t := &transfer{kind: intoThread, thread: to, pcs: callers.Capture()}
	switch {
	case to == 0:
		t.kind = outOfThread
	case rec.KindOf(to) == rec.ChannelObject:
		t.kind = intoChannel
	}
	v.leave(t, moved, rec.Move, int64(to))
	return func() { v.owner.CompareAndSwap(moved, goid.Get()) }
}

// leave records t and sets the owner state; the caller owns v.
func (v *Value[T]) leave(t *transfer, state int64, kind rec.Kind, val int64) {
	v.last.Store(t) // before the owner changes, so a refused user sees why
	v.owner.Store(state)
	if rec.Enabled() {
		rec.EmitFrom(t.pcs, kind, rec.Instant, v.TraceID(), 0, val)
	}
}
