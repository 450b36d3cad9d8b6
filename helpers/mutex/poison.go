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
}

// Error says what happened and what to do about it, naming the mutex if it
// was given a Name.
func (e *PoisonError[T]) Error() string {
	return named(e.lock) + ": poisoned: a goroutine panicked while holding the lock, so the value may be half-updated (the guard is still yours: IntoInner)"
}

// IntoInner returns the guard, which holds the lock (Rust: into_inner).
func (e *PoisonError[T]) IntoInner() Guard[T] { return e.guard }

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
