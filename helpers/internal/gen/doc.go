// Package gen is a lock's generation: a number bumped at every release and
// copied into every guard, so that a guard used after its release is caught
// (the check Rust makes at compile time).
//
// The holder bumps it, but a stale guard may be checked on any goroutine, at
// the moment another goroutine takes the lock and bumps it again. Reads are
// atomic loads (plain loads on amd64 and arm64). Built with -race, the bump is
// atomic too, so that the learner sees the helper's "guard used after Unlock"
// panic and not a DATA RACE report about the check itself. Built without
// -race, the bump is a plain increment, which keeps Unlock within its cost
// budget: an aligned 8-byte store is not torn on 64-bit machines, and the
// check only compares for equality.
package gen
