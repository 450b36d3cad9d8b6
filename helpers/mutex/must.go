package mutex

import "github.com/fearless-go/fearless/helpers/internal/hook"

// MustLock is Lock for code that treats a poisoned mutex as a bug, as Rust's
// m.lock().unwrap() does: it returns the guard, or, if the mutex is poisoned,
// releases the lock and panics with the *PoisonError. The mutex stays
// poisoned. Use Lock to inspect or repair a poisoned value instead.
func (m *Mutex[T]) MustLock() Guard[T] {
	// Lock's fast path, written out: through Lock, MustLock would be too big
	// to inline and cost a call more than Lock.
	if hook.Flags.Load() != 0 {
		return m.mustLockSlow()
	}
	m.mu.Lock()
	if m.poisoned.Load() {
		m.refusePoisoned()
	}
	return Guard[T]{m: m, gen: m.gen.V.Load()}
}

// mustLockSlow is MustLock with the recorder or the checks on.
func (m *Mutex[T]) mustLockSlow() Guard[T] {
	g, err := m.lockSlow()
	if err != nil {
		mustFail(g, err)
	}
	return g
}

// refusePoisoned is MustLock's answer to a poisoned mutex it has just
// locked (or one IntoInner ended: poisonedGuard panics for that).
//
//go:noinline
func (m *Mutex[T]) refusePoisoned() {
	mustFail(m.poisonedGuard())
}

// mustFail releases g, the guard of a poisoned mutex, and panics with err,
// which from then on says that no guard exists.
func mustFail[T any](g Guard[T], err error) {
	g.release()
	if pe, ok := err.(*PoisonError[T]); ok {
		pe.guard, pe.path = Guard[T]{}, mustPanic
	}
	panic(err)
}
