package arc

import "github.com/fearless-go/fearless/helpers/internal/rec"

// TryUnwrap takes the value out if this is its only owner (Rust:
// Arc::try_unwrap): it returns the value and true, and this owner is used
// up — the OnDrop function does not run, since the value was not dropped but
// handed back, and Weak handles no longer upgrade. If other owners exist it
// returns T's zero value and false, and this owner stays usable.
func (a *Arc[T]) TryUnwrap() (T, bool) {
	in := a.live()
	var zero T
	if rec.Enabled() {
		in.rec.Lock()
		defer in.rec.Unlock()
	}
	if !in.strong.CompareAndSwap(1, 0) {
		return zero, false
	}
	a.dropped.Store(true)
	v := in.value
	in.value, in.drop = zero, nil
	if rec.Enabled() {
		rec.Emit(rec.RefDrop, rec.Instant, in.id, 0, 0)
	}
	return v, true
}

// GetMut returns a pointer to the value if this is its only owner and no
// Weak handle exists (Rust: Arc::get_mut), and nil, false otherwise. The
// pointer is safe to use only while that stays so: a Clone or Downgrade
// shares the value again, which Rust's borrow checker would refuse while
// the pointer is in use. To change a value while it is shared, put a lock
// inside the Arc.
func (a *Arc[T]) GetMut() (*T, bool) {
	in := a.live()
	if in.strong.Load() != 1 || in.weak.Load() != 0 {
		return nil, false
	}
	return &in.value, true
}

// PtrEq reports whether a and b are owners of the same value (Rust:
// Arc::ptr_eq), rather than of two values that happen to be equal.
func PtrEq[T any](a, b *Arc[T]) bool { return a.live() == b.live() }
