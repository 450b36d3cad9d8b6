package mutex

// MustLock is Lock for code that treats a poisoned mutex as a bug, as Rust's
// m.lock().unwrap() does: it returns the guard, or, if the mutex is poisoned,
// releases the lock and panics with the *PoisonError. The mutex stays
// poisoned. Use Lock to inspect or repair a poisoned value instead.
func (m *Mutex[T]) MustLock() Guard[T] {
	g, err := m.Lock()
	if err != nil {
		mustFail(g, err)
	}
	return g
}

// mustFail releases g, the guard of a poisoned mutex, and panics with err. It
// is out of line so that MustLock stays small enough to inline.
//
//go:noinline
func mustFail[T any](g Guard[T], err error) {
	g.release()
	panic(err)
}
