// Package deadlock finds deadlocks among Fearless's locks and threads, which
// Rust's type system does not prevent either.
//
// It does two checks while they are on (Enable, or by default in a notebook
// cell; FEARLESS_CHECK=0 or 1 overrides):
//
//   - Lock order. Every time a goroutine takes lock B while holding lock A, the
//     order A→B is remembered with both call sites. If some goroutine later
//     takes them the other way round (or closes a longer cycle A→B→C→A), the
//     run could deadlock even if this time it did not: the checker reports both
//     orders and where they were taken, once per pair of locks.
//   - Wait-for graph. Before a goroutine blocks on a helper mutex, RwLock or
//     thread join, the checker follows who holds what it waits for, and who
//     they wait for in turn. If the chain comes back to the goroutine itself,
//     blocking would hang forever: instead the goroutine panics with an *Error
//     that names every goroutine, lock and source line in the cycle.
//
// A lock-order report is a warning — the run went on — so it is written to
// standard output (SetOutput changes that): in a notebook it shows in the
// cell's output, and a graded cell is not failed for it (nbgrader fails a
// cell with any standard-error output). Every line a report names is the
// learner's: "cell [5] line 12" in a notebook, "worker.go:12" elsewhere.
//
// With the checks on, a thread (helpers/thread) that panics while holding a
// lock also releases it and poisons it, as unwinding does in Rust.
//
// The checker's machinery lives in helpers/internal/engine, where the helper
// packages call it; user code only needs Enable, Violations and the *Error type.
package deadlock
