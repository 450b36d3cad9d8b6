// Package rc is Rust's std::rc::Rc for Go: one value shared by several
// owners on a single goroutine, with a visible strong count and an optional
// drop function that runs exactly once, when the last owner lets go.
//
// It has the API of helpers/arc — New, Clone, Get, Drop, StrongCount, Name,
// OnDrop, Downgrade and Weak, TryUnwrap, GetMut, PtrEq — with a plain, non-atomic count, which is why Rust forbids an Rc to leave
// its thread: two threads changing the count at once would lose updates. In
// Rust that is a compile-time error (`Rc<T>` cannot be sent between threads
// safely). Go cannot check it at compile time, so every method checks at run
// time, before it touches the count, that it runs on the goroutine that
// created the Rc, and panics with Rust's words otherwise. Clones belong to
// the same goroutine as the original; to share across goroutines, use
// helpers/arc.
//
// Goroutine ids are never reused, so an Rc stays bound to its creator even
// after that goroutine has finished: using it anywhere else is still an error.
//
// As with arc, using an owner after its Drop, or dropping it twice, panics;
// with the recorder on (helpers/trace) clones, drops and the final free appear
// on the timeline with the strong count after each step.
package rc
