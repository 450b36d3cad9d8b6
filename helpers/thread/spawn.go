package thread

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"github.com/fearless-go/fearless/helpers/own"
)

const msgNilFunc = "thread: Spawn or Go called with a nil function"

// Spawn starts f in a new thread and returns its handle (Rust:
// thread::spawn). Join the handle to wait for f's result. A panic in f does
// not crash the program: Join returns it as a *PanicError.
func Spawn[T any](f func() T, opts ...Option) *JoinHandle[T] {
	if f == nil {
		panic(where.Refuse(msgNilFunc))
	}
	h := &JoinHandle[T]{f: f}
	h.prepare(opts, nil)
	start(h.run)
	return h
}

// Go is Spawn for a function without a result, like the go statement but
// with a handle to join.
func Go(f func(), opts ...Option) *JoinHandle[struct{}] {
	if f == nil {
		panic(where.Refuse(msgNilFunc))
	}
	h := &JoinHandle[struct{}]{core: core{body: f}}
	h.prepare(opts, nil)
	start(h.run)
	return h
}

// run is the new thread's body: its function between begin and finish.
func (h *JoinHandle[T]) run() {
	returned := false
	h.begin()
	defer h.finish(&returned)
	if h.body != nil {
		h.body()
		h.body = nil // let what it captured go, as Rust drops the closure
	} else {
		h.value = h.f()
		h.f = nil
		// Returning an owned value moves it to whoever joins, as in Rust.
		if m, ok := any(h.value).(own.Movable); ok && m.Owned() {
			h.claim = m.MoveInto(0)
		}
	}
	returned = true
}
