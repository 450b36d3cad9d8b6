// Package arc is Rust's std::sync::Arc for Go: one value shared by several
// owners, possibly on different goroutines, with a visible strong count and
// an optional drop function that runs exactly once, when the last owner lets
// go.
//
// Go's garbage collector frees memory by itself, so why count owners? To
// know when the last user of a resource is done: close the file, return the
// connection, print "config dropped". Each *Arc is one owner. Clone makes
// another owner of the same value (the count goes up, the value is not
// copied); Drop ends one owner (the count goes down); the Drop that takes
// the count to zero runs the drop function given with OnDrop and lets go of
// the value, so the garbage collector can take it.
//
// The count is atomic: owners may be cloned and dropped on any goroutines at
// once, and the count stays exact. The value itself is shared, so treat it as
// read-only, as Rust does (an Arc<T> hands out only &T). Get returns a copy:
// for a struct, editing what Get returned changes nothing shared. To change
// shared state, put a lock inside: arc.New(mutex.New(0)) is Rust's
// Arc<Mutex<T>>. GetMut changes the value in place while there is a single
// owner; TryUnwrap takes it back out.
//
// Downgrade makes a Weak handle, which does not own the value: Upgrade turns
// it into an owner only while the value still has one. Weak handles break
// cycles (a child's link to its parent) that would otherwise keep the strong
// count above zero forever.
//
// Where Rust's compiler stops a moved Arc from being used, this package
// checks at run time: using an owner after its Drop, or dropping it twice,
// panics with a message that says what Rust would have said. An *Arc is a
// handle: clone it, never copy the struct (*a), or two owners share one
// place in the count.
//
// With the recorder on (helpers/trace), Clone, Drop and the final free appear
// on the timeline with the strong count after each step.
package arc
