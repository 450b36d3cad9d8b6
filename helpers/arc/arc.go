package arc

import (
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
	id     uint64
	rec    sync.Mutex // taken only while recording, so events carry their counts in time order
	drop   func(T)
	value  T
}

// Option configures New.
type Option[T any] struct {
	drop func(T)
}

// OnDrop sets a function that runs once, with the value, when the last
// owner drops it (Rust: an impl Drop for T). It runs on the goroutine that
// called that last Drop, after the value has left the Arc.
func OnDrop[T any](f func(v T)) Option[T] { return Option[T]{drop: f} }

// New returns the first owner of v, with a strong count of 1 (Rust: Arc::new).
func New[T any](v T, opts ...Option[T]) *Arc[T] {
	in := &inner[T]{id: rec.NewID(rec.ArcObject), value: v}
	for _, o := range opts {
		if o.drop != nil {
			in.drop = o.drop
		}
	}
	in.strong.Store(1)
	return &Arc[T]{in: in}
}

// Get returns the shared value. Every owner sees the same value, so treat
// it as read-only: Rust gives out only &T. For shared state that changes,
// put a lock inside (arc.New(mutex.New(x)) is Rust's Arc<Mutex<T>>). For a
// struct T, Get returns a copy; store a pointer if copying is costly.
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
		panic(msgZero)
	}
	return a.in.id
}
