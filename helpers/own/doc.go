// Package own gives Go a value with exactly one owner, the run-time analogue
// of Rust's ownership and move semantics.
//
// In Rust, a closure passed to thread::spawn must take ownership of what it
// uses (a move closure), and the spawning thread cannot touch those
// variables afterwards: the compiler says "borrow of moved value". Go
// closures share variables freely, so two goroutines can race on one. A
// *Value[T] belongs to one goroutine at a time: Get, Set and Ptr check that
// the caller is the owner. Moving the value into a thread —
// thread.Spawn(f, thread.Move(v)) — makes the new thread its owner before it
// starts; from then on, the spawning goroutine's uses panic with "use after
// move" and the line where the value was moved. Move is Rust's `let b = a;`:
// a new handle, the old one dead. Drop ends the value's life.
//
// A thread that returns an owned *Value it owns hands it to the goroutine
// that joins it, as returning a value from a Rust thread does.
//
// The check is one goroutine-id lookup and one atomic load per use (see the
// benchmarks), so it is meant for teaching and for catching bugs, not for
// hot loops. It checks handles, not copies: a pointer from Ptr or a copy of
// the value from Get is not watched after a move.
package own
