package rc

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
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
	weak   int // live Weak handles (Downgrade)
	id     uint64
	drop   func(T)
	value  T
}

// New returns the first owner of v, with a strong count of 1, bound to the
// calling goroutine (Rust: Rc::new). Options: Name, OnDrop.
func New[T any](v T, opts ...Option) *Rc[T] {
	in := &inner[T]{owner: goid.Get(), strong: 1, id: rec.NewID(rec.RcObject), value: v}
	in.drop = configure[T](in.id, opts)
	return &Rc[T]{in: in}
}

// Get returns a copy of the shared value, for reading (Rust hands out only
// &T). Changing the copy changes nothing shared: for a struct T, c :=
// r.Get(); c.Field = x leaves every owner's value as it was. While this is
// the only owner, GetMut changes the value in place.
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
		panic(where.Refuse(msgZero))
	}
	return r.in.id
}

// noCopy makes go vet's copylocks check report copies of an Rc (b := *r),
// which would be two owners counted once.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}
