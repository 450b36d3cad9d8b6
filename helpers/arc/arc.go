package arc

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Arc is one owner of a shared value of type T (Rust: Arc<T>). Make the
// first owner with New, more with Clone, and end each one with Drop. The
// zero Arc is not usable, and an Arc must not be copied: use Clone.
type Arc[T any] struct {
	in      *inner[T]
	dropped atomic.Bool // this owner has been dropped; CAS, so a double Drop panics exactly once
}

// inner is the block all owners of one value share.
type inner[T any] struct {
	strong atomic.Int64
	weak   atomic.Int64 // live Weak handles (Downgrade)
	id     uint64
	rec    sync.Mutex // taken only while recording, so events carry their counts in time order
	drop   func(T)
	value  T
}

// New returns the first owner of v, with a strong count of 1 (Rust:
// Arc::new). Options: Name, OnDrop.
func New[T any](v T, opts ...Option) *Arc[T] {
	in := &inner[T]{id: rec.NewID(rec.ArcObject), value: v}
	in.drop = configure[T](in.id, opts)
	in.strong.Store(1)
	return &Arc[T]{in: in}
}

// Get returns a copy of the shared value, for reading (Rust hands out only
// &T). Changing the copy changes nothing shared: after
//
//	c := a.Get(); c.Retries = 5
//
// every owner still sees the old Retries, as a.Get().Retries = 5 (a compile
// error, like Rust's "cannot assign to data in an Arc") would have told you.
// For shared state that changes, put a lock inside: arc.New(mutex.New(x)) is
// Rust's Arc<Mutex<T>>, and a.Get() then copies only the *Mutex. While this
// is the only owner, GetMut changes the value in place.
func (a *Arc[T]) Get() T {
	return a.live().value
}

// StrongCount returns how many owners the value has (Rust:
// Arc::strong_count). Other goroutines may change it at any moment.
func (a *Arc[T]) StrongCount() int {
	return int(a.live().strong.Load())
}

// TraceID returns the id of the shared value in recordings (see
// helpers/trace): every owner of one value has the same id. It works on a
// dropped owner too, so a chart can still name it.
func (a *Arc[T]) TraceID() uint64 {
	if a == nil || a.in == nil {
		panic(where.Refuse(msgZero))
	}
	return a.in.id
}
