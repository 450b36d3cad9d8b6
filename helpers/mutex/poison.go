package mutex

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// PoisonError is returned by Lock and TryLock when a goroutine panicked while
// holding the lock (Rust: PoisonError). The lock is held all the same: the
// guard comes with the error, so the caller can inspect or repair the value.
type PoisonError[T any] struct {
	guard Guard[T]
	lock  uint64 // the mutex's trace id, for its name
	path  poisonPath
}

// poisonPath is how the error came: it decides what the message may promise.
type poisonPath uint8

const (
	withGuard   poisonPath = iota // Lock, TryLock: the guard comes with the error
	mustPanic                     // MustLock released the lock and panicked: no guard
	valueReturn                   // Mutex.IntoInner returned the value with the error
)

// Error says what happened and what to do about it, naming the mutex if it
// was given a Name. What it says to do depends on where the error came from:
// only Lock and TryLock hand over a guard with it.
func (e *PoisonError[T]) Error() string {
	msg := named(e.lock) + ": poisoned: a goroutine panicked while holding the lock, so the value may be half-updated"
	switch e.path {
	case mustPanic:
		return msg + " (MustLock released the lock and panicked, so no guard exists: use Lock to get the guard with the error and recover the value)"
	case valueReturn:
		return msg + " (IntoInner returned the value all the same)"
	}
	return msg + " (the guard is still yours: IntoInner)"
}

// IntoInner returns the guard, which holds the lock (Rust: into_inner). Only
// the error of Lock or TryLock has one: on the error MustLock panicked with,
// or the one Mutex.IntoInner returned, it panics saying so.
func (e *PoisonError[T]) IntoInner() Guard[T] {
	switch e.path {
	case mustPanic:
		panic(named(e.lock) + ": PoisonError.IntoInner: no guard: MustLock released the lock before it panicked (use Lock, whose error comes with the guard)")
	case valueReturn:
		panic(named(e.lock) + ": PoisonError.IntoInner: no guard: Mutex.IntoInner already returned the value and ended the mutex")
	}
	return e.guard
}

// named is how messages name a mutex: `mutex "account"` if it was given a
// Name, plain "mutex" otherwise.
func named(id uint64) string {
	if id != 0 {
		if name := rec.ObjectName(id); name != rec.DefaultName(id) {
			return fmt.Sprintf("mutex %q", name)
		}
	}
	return "mutex"
}
