// Package mutex is Rust's std::sync::Mutex for Go: the value lives inside the
// lock, and the only way to reach it is through the guard that Lock returns.
//
// A plain sync.Mutex protects whatever the programmer remembers to protect.
// Mutex[T] protects exactly its value: no lock, no access. Where Rust checks
// guards at compile time, this package checks at run time and panics with a
// message that says what Rust would have said, and where: a guard used after
// Unlock, a guard unlocked twice ("... at cell [4] line 7" in a notebook).
// Under -race the check itself is no data race, so the learner sees the
// panic, not a DATA RACE report about the check.
//
// Poisoning works as in Rust. If a goroutine panics while it holds the guard
// — and releases it on the way out, or dies inside a helpers/thread thread
// while the deadlock checks are on — the mutex is poisoned: every later Lock
// still returns the guard, together with a *PoisonError saying that the value
// may be half-updated. With the checks or the recorder on, as in a notebook
// cell, Unlock sees the panic however it was deferred (defer g.Unlock() or
// defer func() { g.Unlock() }()); with both off, as in a plain program or
// test, only defer g.Unlock() can see it: Go lets only a function deferred
// directly recover a panic. A guard taken and released during the unwinding
// (a deferred clean-up) does not poison, as in Rust. ClearPoison says it has been repaired. Code
// that treats a poisoned mutex as a bug writes m.MustLock(), Rust's
// m.lock().unwrap(), instead of g, _ := m.Lock(), which would ignore it.
//
// mutex.New(v, mutex.Name("account")) names the mutex in deadlock and
// lock-order reports and on timelines ("account" instead of "mutex 3").
// IntoInner takes the value out and ends the mutex, as Rust's into_inner.
//
// With the recorder and checks off, Lock and Unlock cost one flag load and two
// calls more than sync.Mutex's inlined fast paths (see the benchmarks and the
// README's Performance section); the guard is a small value, never allocated.
package mutex
