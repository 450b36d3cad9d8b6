package arc

import (
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Clone returns a new owner of the same value and adds one to the strong
// count (Rust: Arc::clone). The value is not copied. Give the clone to the
// goroutine that will use it; that goroutine drops it when done.
func (a *Arc[T]) Clone() *Arc[T] {
	in := a.live()
	in.point()
	var n int64
	if rec.Enabled() {
		n = in.addRecorded(rec.RefClone, +1)
	} else {
		n = in.strong.Add(1)
	}
	if n == 1 { // the count was 0: the value is gone, a clone cannot bring it back
		in.strong.Add(-1)
		panic(where.Refuse(msgFreed))
	}
	return &Arc[T]{in: in}
}

// Drop ends this owner (Rust: drop(arc)) and subtracts one from the strong
// count. The Drop that takes the count to zero releases the value and runs
// the OnDrop function, exactly once. Using this owner afterwards, or
// dropping it again, panics.
func (a *Arc[T]) Drop() {
	if a == nil || a.in == nil {
		panic(where.Refuse(msgZero))
	}
	if !a.dropped.CompareAndSwap(false, true) {
		panic(where.Refuse(msgDropTwice))
	}
	in := a.in
	in.point()
	var n int64
	if rec.Enabled() {
		n = in.addRecorded(rec.RefDrop, -1)
	} else {
		n = in.strong.Add(-1)
	}
	switch {
	case n == 0:
		in.free()
	case n < 0:
		panic(where.Refuse(msgCopied))
	}
}

// free lets go of the value and runs the drop function. Only the Drop that
// took the count to zero calls it, so it runs once.
func (in *inner[T]) free() {
	v, drop := in.value, in.drop
	var zero T
	in.value, in.drop = zero, nil // the Arc no longer keeps the value alive
	if rec.Enabled() {
		// Before the drop function: whatever it wakes comes after "free".
		rec.Emit(rec.Free, rec.Instant, in.id, 0, 0)
	}
	if drop != nil {
		drop(v)
	}
}

// addRecorded changes the count and records the new count. The lock makes
// the events' order the order of the changes, so a chart never shows the
// count going 2, 0, 1; the count itself stays atomic for owners that
// started their Clone or Drop before recording began.
func (in *inner[T]) addRecorded(kind rec.Kind, delta int64) int64 {
	in.rec.Lock()
	defer in.rec.Unlock()
	n := in.strong.Add(delta)
	rec.Emit(kind, rec.Instant, in.id, 0, n)
	return n
}
