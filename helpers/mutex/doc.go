// Package mutex is Rust's std::sync::Mutex for Go: the value lives inside the
// lock, and the only way to reach it is through the guard that Lock returns.
//
// A plain sync.Mutex protects whatever the programmer remembers to protect.
// Mutex[T] protects exactly its value: no lock, no access. Where Rust checks
// guards at compile time, this package checks at run time and panics with a
// message that says what Rust would have said: a guard used after Unlock, a
// guard unlocked twice.
//
// Poisoning works as in Rust. If a goroutine panics while it holds the guard
// — and releases it with defer g.Unlock(), or dies inside a helpers/thread
// thread while the deadlock checks are on — the mutex is poisoned: every later
// Lock still returns the guard, together with a *PoisonError saying that the
// value may be half-updated. ClearPoison says it has been repaired. Code
// that treats a poisoned mutex as a bug writes m.MustLock(), Rust's
// m.lock().unwrap(), instead of g, _ := m.Lock(), which would ignore it.
//
// mutex.New(v, mutex.Name("account")) names the mutex in deadlock and
// lock-order reports and on timelines ("account" instead of "mutex 3").
// IntoInner takes the value out and ends the mutex, as Rust's into_inner.
//
// Lock and Unlock cost within 1.5× of sync.Mutex when the recorder and checks
// are off (see the benchmarks); the guard is a small value, never allocated.
package mutex
