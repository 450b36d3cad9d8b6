package rc

import (
	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Rc is one owner of a value of type T shared on one goroutine (Rust:
// Rc<T>). Make the first owner with New, more with Clone, and end each one
// with Drop. Every owner works only on the goroutine that called New. The
// zero Rc is not usable, and an Rc must not be copied: use Clone.
type Rc[T any] struct {
	_       noCopy
	in      *inner[T]
	dropped bool
}

// inner is the block all owners of one value share. Only the owning
// goroutine changes it, so nothing in it is atomic.
type inner[T any] struct {
	owner  int64 // the goroutine that created the Rc; set once, before anyone else can see it
	strong int
	id     uint64
	drop   func(T)
	value  T
}

// Option configures New.
type Option[T any] struct {
	drop func(T)
}

// OnDrop sets a function that runs once, with the value, when the last
// owner drops it (Rust: an impl Drop for T). It runs inside that last Drop,
// after the value has left the Rc.
func OnDrop[T any](f func(v T)) Option[T] { return Option[T]{drop: f} }

// New returns the first owner of v, with a strong count of 1, bound to the
// calling goroutine (Rust: Rc::new).
func New[T any](v T, opts ...Option[T]) *Rc[T] {
	in := &inner[T]{owner: goid.Get(), strong: 1, id: rec.NewID(rec.RcObject), value: v}
	for _, o := range opts {
		if o.drop != nil {
			in.drop = o.drop
		}
	}
	return &Rc[T]{in: in}
}

// Get returns the shared value. Every owner sees the same value; as in
// Rust, which gives out only &T, treat it as read-only (for a struct T, Get
// returns a copy).
func (r *Rc[T]) Get() T {
	return r.live("Get").value
}

// StrongCount returns how many owners the value has (Rust: Rc::strong_count).
func (r *Rc[T]) StrongCount() int {
	return r.live("StrongCount").strong
}

// TraceID returns the id of the shared value in recordings (see
// helpers/trace): every owner of one value has the same id. It works on any
// goroutine and on a dropped owner, so a chart can still name it.
func (r *Rc[T]) TraceID() uint64 {
	if r == nil || r.in == nil {
		panic(msgZero)
	}
	return r.in.id
}

// noCopy makes go vet's copylocks check report copies of an Rc (b := *r),
// which would be two owners counted once.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
