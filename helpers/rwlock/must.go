package rwlock

// MustRead is Read for code that treats a poisoned lock as a bug, as Rust's
// l.read().unwrap() does: it returns the guard, or, if the lock is poisoned,
// releases the read lock and panics with the *PoisonError.
func (l *RwLock[T]) MustRead() ReadGuard[T] {
	g, err := l.Read()
	if err != nil {
		g.Unlock()
		panic(err)
	}
	return g
}

// MustWrite is Write for code that treats a poisoned lock as a bug, as Rust's
// l.write().unwrap() does: it returns the guard, or, if the lock is poisoned,
// releases the write lock and panics with the *PoisonError. The lock stays
// poisoned.
func (l *RwLock[T]) MustWrite() WriteGuard[T] {
	g, err := l.Write()
	if err != nil {
		l.unlockWrite()
		panic(err)
	}
	return g
}
