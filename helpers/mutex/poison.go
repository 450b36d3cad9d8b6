package mutex

// PoisonError is returned by Lock and TryLock when a goroutine panicked while
// holding the lock (Rust: PoisonError). The lock is held all the same: the
// guard comes with the error, so the caller can inspect or repair the value.
type PoisonError[T any] struct {
	guard Guard[T]
}

// Error says what happened and what to do about it.
func (e *PoisonError[T]) Error() string {
	return "mutex: poisoned: a goroutine panicked while holding the lock, so the value may be half-updated (the guard is still yours: IntoInner)"
}

// IntoInner returns the guard, which holds the lock (Rust: into_inner).
func (e *PoisonError[T]) IntoInner() Guard[T] { return e.guard }
