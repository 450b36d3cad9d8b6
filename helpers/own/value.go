package own

import (
	"fmt"
	"sync/atomic"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Value is a value of type T with exactly one owner goroutine. New gives it
// to the goroutine that creates it; the zero Value holds T's zero value and
// belongs to the first goroutine that uses it. A Value must not be copied:
// pass the *Value around, and move it to change owners.
type Value[T any] struct {
	owner atomic.Int64 // goroutine id of the owner, or one of the states below
	id    atomic.Uint64
	last  atomic.Pointer[transfer] // the last move or drop, for messages
	value T
}

// Owner states other than a goroutine id (goroutine ids are positive).
const (
	unowned = 0  // a zero Value: the first goroutine to use it owns it
	moved   = -1 // moved away; a thread's claim may make it owned again
	dropped = -2 // Drop was called
)

// New returns a value owned by the calling goroutine.
func New[T any](v T) *Value[T] {
	x := &Value[T]{value: v}
	x.owner.Store(goid.Get())
	x.id.Store(rec.NewID(rec.ValueObject))
	return x
}

// Get returns a copy of the value. It panics unless the caller owns it.
func (v *Value[T]) Get() T {
	v.check()
	return v.value
}

// Set replaces the value. It panics unless the caller owns it.
func (v *Value[T]) Set(x T) {
	v.check()
	v.value = x
}

// Ptr returns a pointer to the value, for updating it in place. It panics
// unless the caller owns it. The pointer is not checked: do not keep it past
// a move.
func (v *Value[T]) Ptr() *T {
	v.check()
	return &v.value
}

// Owned reports whether the calling goroutine may use the value now.
func (v *Value[T]) Owned() bool {
	if v == nil {
		return false
	}
	o := v.owner.Load()
	return o == unowned || o == goid.Get()
}

// String formats the value, checking ownership like Get. fmt turns the
// panic of a use after move into text in its output instead of panicking.
func (v *Value[T]) String() string {
	v.check()
	return fmt.Sprint(v.value)
}

// TraceID returns the value's id in recordings (see helpers/trace). A value
// keeps its id across moves.
func (v *Value[T]) TraceID() uint64 {
	if id := v.id.Load(); id != 0 {
		return id
	}
	v.id.CompareAndSwap(0, rec.NewID(rec.ValueObject)) // a zero Value
	return v.id.Load()
}
