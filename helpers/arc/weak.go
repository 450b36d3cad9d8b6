package arc

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Weak is a handle on a shared value that does not own it (Rust:
// sync::Weak<T>): it does not count in the strong count and does not keep
// the value alive. Upgrade turns it into an owner while the value still has
// one. Weak handles break cycles of owners, which would otherwise never
// reach a strong count of zero: a child points to its parent with a Weak, the
// parent owns its children with Arcs.
type Weak[T any] struct {
	in      *inner[T]
	dropped atomic.Bool
}

const (
	msgWeakAfterDrop = "arc: Weak used after Drop (Rust rejects this at compile time: the Weak was moved into drop)"
	msgWeakZero      = "arc: nil or zero Weak used (a Weak comes from Downgrade or Clone)"
)

// Downgrade returns a Weak handle on the value (Rust: Arc::downgrade). The
// strong count does not change; the weak count goes up by one until the
// Weak is dropped.
func (a *Arc[T]) Downgrade() *Weak[T] {
	in := a.live()
	in.weak.Add(1)
	return &Weak[T]{in: in}
}

// WeakCount returns how many Weak handles the value has (Rust:
// Arc::weak_count).
func (a *Arc[T]) WeakCount() int { return int(a.live().weak.Load()) }

func (w *Weak[T]) live() *inner[T] {
	if w == nil || w.in == nil {
		panic(where.Refuse(msgWeakZero))
	}
	if w.dropped.Load() {
		panic(where.Refuse(msgWeakAfterDrop))
	}
	return w.in
}

// Upgrade returns a new owner of the value and true if the value still has
// an owner (Rust: Weak::upgrade, which returns Some). Once the last owner
// has dropped the value, Upgrade returns nil and false, for good.
func (w *Weak[T]) Upgrade() (*Arc[T], bool) {
	in := w.live()
	recording := rec.Enabled()
	if recording {
		in.rec.Lock()
		defer in.rec.Unlock()
	}
	for {
		n := in.strong.Load()
		if n == 0 {
			return nil, false
		}
		if in.strong.CompareAndSwap(n, n+1) {
			if recording {
				rec.Emit(rec.RefClone, rec.Instant, in.id, 0, n+1)
			}
			return &Arc[T]{in: in}, true
		}
	}
}

// StrongCount returns how many owners the value has: 0 once it is gone
// (Rust: Weak::strong_count).
func (w *Weak[T]) StrongCount() int { return int(w.live().strong.Load()) }

// Clone returns another Weak handle on the same value (Rust: Weak::clone).
func (w *Weak[T]) Clone() *Weak[T] {
	in := w.live()
	in.weak.Add(1)
	return &Weak[T]{in: in}
}

// Drop ends this Weak handle: the weak count goes down by one. Using it
// afterwards, or dropping it twice, panics.
func (w *Weak[T]) Drop() {
	if w == nil || w.in == nil {
		panic(where.Refuse(msgWeakZero))
	}
	if !w.dropped.CompareAndSwap(false, true) {
		panic(where.Refuse(msgWeakAfterDrop))
	}
	w.in.weak.Add(-1)
}
