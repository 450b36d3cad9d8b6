package rc

import (
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Clone returns a new owner of the same value and adds one to the strong
// count (Rust: Rc::clone). The value is not copied, and the clone belongs to
// the same goroutine.
func (r *Rc[T]) Clone() *Rc[T] {
	in := r.live("Clone")
	in.strong++
	if rec.Enabled() {
		rec.Emit(rec.RefClone, rec.Instant, in.id, 0, int64(in.strong))
	}
	return &Rc[T]{in: in}
}

// Drop ends this owner (Rust: drop(rc)) and subtracts one from the strong
// count. The Drop that takes the count to zero releases the value and runs
// the OnDrop function, exactly once. Using this owner afterwards, or
// dropping it again, panics.
func (r *Rc[T]) Drop() {
	in := r.owned("Drop")
	if r.dropped {
		panic(where.Refuse(msgDropTwice))
	}
	r.dropped = true
	in.strong--
	n := in.strong
	if rec.Enabled() {
		rec.Emit(rec.RefDrop, rec.Instant, in.id, 0, int64(n))
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
	in.value, in.drop = zero, nil // the Rc no longer keeps the value alive
	if rec.Enabled() {
		rec.Emit(rec.Free, rec.Instant, in.id, 0, 0)
	}
	if drop != nil {
		drop(v)
	}
}
