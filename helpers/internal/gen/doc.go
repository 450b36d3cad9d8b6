// Package gen is a lock's generation: a number bumped at every release and
// copied into every guard, so that a guard used after its release is caught
// (the check Rust makes at compile time).
//
// The holder bumps it, but a stale guard may be checked on any goroutine, at
// the moment another goroutine takes the lock and bumps it again. Built with
// -race, the counter is atomic, so that the learner sees the helper's "guard
// used after Unlock" panic and not a DATA RACE report about the check itself.
// Built without -race, it is a plain word: loads and stores of a machine word
// are not torn (the Go memory model guarantees that a racy read of one sees
// some value written), the check only compares for equality, and a plain
// increment keeps Lock and Unlock within their cost budget.
package gen
