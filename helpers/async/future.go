package async

import (
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync/atomic"
)

// Future is a computation that has not run yet (Rust: impl Future). Making
// one runs nothing. It runs once, when it is awaited, spawned, joined or
// given to BlockOn; each of these consumes it, as they move a future in Rust,
// and a second use panics.
type Future[T any] struct {
	fn   func() T
	used atomic.Uint32 // the use that consumed it, or unused
}

// New returns a future that will run fn (Rust: an async block, or calling an
// async fn). Nothing runs, and nothing is recorded, until the future is used.
func New[T any](fn func() T) *Future[T] {
	if fn == nil {
		panic(where.Refuse("async: New(nil): a future needs a function to run"))
	}
	return &Future[T]{fn: fn}
}

// Await runs the future to completion inside the current task and returns its
// result (Rust: fut.await). Like .await it runs in the same task, so awaits
// one after another run one after another; the worker is given up only at the
// await points inside the future (Sleep, YieldNow, Handle.Await, Join). A panic in the
// future goes on in the awaiting task. Await panics outside a task and on a
// future used before.
func (f *Future[T]) Await() T {
	mustCurrent("Future.Await")
	return f.consume(useAwait)()
}

// claim marks f as consumed by u, or returns why it cannot be.
func (f *Future[T]) claim(u use) string {
	if f == nil {
		return fmt.Sprintf(msgNilFuture, useNames[u].goName)
	}
	if f.used.CompareAndSwap(uint32(unused), uint32(u)) {
		return ""
	}
	return consumedMsg(use(f.used.Load()), u)
}

// consume claims f for u and hands over its function, or panics.
func (f *Future[T]) consume(u use) func() T {
	if msg := f.claim(u); msg != "" {
		panic(where.Refuse(msg))
	}
	return f.take()
}

// take hands over the function of a future claimed by the caller, and lets
// go of it so that what it captured can be collected.
func (f *Future[T]) take() func() T {
	fn := f.fn
	f.fn = nil
	return fn
}
