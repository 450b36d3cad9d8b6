package rc

import "github.com/fearless-go/fearless/helpers/internal/rec"

// TryUnwrap takes the value out if this is its only owner (Rust:
// Rc::try_unwrap): it returns the value and true, and this owner is used up
// — the OnDrop function does not run, since the value was handed back, and
// Weak handles no longer upgrade. If other owners exist it returns T's zero
// value and false, and this owner stays usable.
func (r *Rc[T]) TryUnwrap() (T, bool) {
	in := r.live("TryUnwrap")
	var zero T
	if in.strong != 1 {
		return zero, false
	}
	in.strong = 0
	r.dropped = true
	v := in.value
	in.value, in.drop = zero, nil
	if rec.Enabled() {
		rec.Emit(rec.RefDrop, rec.Instant, in.id, 0, 0)
	}
	return v, true
}

// GetMut returns a pointer to the value if this is its only owner and no
// Weak handle exists (Rust: Rc::get_mut), and nil, false otherwise. The
// pointer is safe to use only while that stays so: Rust's borrow checker
// would refuse a Clone or Downgrade while it is in use.
func (r *Rc[T]) GetMut() (*T, bool) {
	in := r.live("GetMut")
	if in.strong != 1 || in.weak != 0 {
		return nil, false
	}
	return &in.value, true
}

// PtrEq reports whether a and b are owners of the same value (Rust:
// Rc::ptr_eq), rather than of two values that happen to be equal.
func PtrEq[T any](a, b *Rc[T]) bool { return a.live("PtrEq") == b.live("PtrEq") }
