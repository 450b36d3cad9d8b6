package rwlock

// PoisonError is returned with the guard when a goroutine panicked while
// holding the write lock (Rust: PoisonError<RwLockReadGuard<T>> and
// PoisonError<RwLockWriteGuard<T>>). G is ReadGuard[T] or WriteGuard[T]. The
// lock is held all the same: the guard comes with the error, so the caller can
// inspect or repair the value.
type PoisonError[G any] struct {
	guard G
}

// Error says what happened and what to do about it.
func (e *PoisonError[G]) Error() string {
	return "rwlock: poisoned: a goroutine panicked while holding the write lock, so the value may be half-updated (the guard is still yours: IntoInner)"
}

// IntoInner returns the guard, which holds the lock (Rust: into_inner).
func (e *PoisonError[G]) IntoInner() G { return e.guard }
