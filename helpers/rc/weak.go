package rc

import (
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Weak is a handle on a shared value that does not own it (Rust:
// rc::Weak<T>): it does not count in the strong count and does not keep the
// value alive. Upgrade turns it into an owner while the value still has one.
// Weak handles break cycles of owners, which would otherwise never reach a
// strong count of zero: in a tree, a child points to its parent with a Weak
// and the parent owns its children with Rcs. Like the Rc, a Weak works only
// on the goroutine that created the value.
type Weak[T any] struct {
	_       noCopy
	in      *inner[T]
	dropped bool
}

const (
	msgWeakAfterDrop = "rc: Weak used after Drop (Rust rejects this at compile time: the Weak was moved into drop)"
	msgWeakZero      = "rc: nil or zero Weak used (a Weak comes from Downgrade or Clone)"
)

// Downgrade returns a Weak handle on the value (Rust: Rc::downgrade). The
// strong count does not change; the weak count goes up by one until the
// Weak is dropped.
func (r *Rc[T]) Downgrade() *Weak[T] {
	in := r.live("Downgrade")
	in.weak++
	return &Weak[T]{in: in}
}

// WeakCount returns how many Weak handles the value has (Rust:
// Rc::weak_count).
func (r *Rc[T]) WeakCount() int { return r.live("WeakCount").weak }

// live returns the shared block if the caller is the value's goroutine and
// this handle has not been dropped.
func (w *Weak[T]) live(method string) *inner[T] {
	if w == nil || w.in == nil {
		panic(where.Refuse(msgWeakZero))
	}
	in := (&Rc[T]{in: w.in}).owned(method)
	if w.dropped {
		panic(where.Refuse(msgWeakAfterDrop))
	}
	return in
}

// Upgrade returns a new owner of the value and true if the value still has
// an owner (Rust: Weak::upgrade, which returns Some). Once the last owner
// has dropped the value, Upgrade returns nil and false, for good.
func (w *Weak[T]) Upgrade() (*Rc[T], bool) {
	in := w.live("Upgrade")
	if in.strong == 0 {
		return nil, false
	}
	in.strong++
	if rec.Enabled() {
		rec.Emit(rec.RefClone, rec.Instant, in.id, 0, int64(in.strong))
	}
	return &Rc[T]{in: in}, true
}

// StrongCount returns how many owners the value has: 0 once it is gone
// (Rust: Weak::strong_count).
func (w *Weak[T]) StrongCount() int { return w.live("StrongCount").strong }

// Clone returns another Weak handle on the same value (Rust: Weak::clone).
func (w *Weak[T]) Clone() *Weak[T] {
	in := w.live("Clone")
	in.weak++
	return &Weak[T]{in: in}
}

// Drop ends this Weak handle: the weak count goes down by one. Using it
// afterwards, or dropping it twice, panics.
func (w *Weak[T]) Drop() {
	in := w.live("Drop")
	w.dropped = true
	in.weak--
}
