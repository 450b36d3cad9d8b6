package mutex

import "github.com/fearless-go/fearless/helpers/internal/where"

const msgConsumed = "mutex: used after IntoInner (Rust rejects this at compile time: into_inner took the Mutex by value)"

// IntoInner takes the value out of the mutex and ends the mutex (Rust:
// Mutex::into_inner). It waits for the lock like Lock. If the mutex is
// poisoned the value is returned all the same, with a *PoisonError (which
// carries no guard: the value is the first result). Every later use of the
// mutex — Lock, TryLock, MustLock, IntoInner — panics, as using a moved
// value does in Rust.
//
// Rust's Mutex::get_mut has no counterpart here: it relies on the compiler
// proving that no other thread can reach the mutex, which Go cannot prove.
func (m *Mutex[T]) IntoInner() (T, error) {
	g, err := m.Lock()
	v := m.value
	var zero T
	m.value = zero // the mutex no longer keeps the value alive
	m.done.Store(true)
	m.poisoned.Store(true) // routes every later Lock to the consumed check
	g.release()
	if err != nil {
		return v, &PoisonError[T]{lock: m.TraceID(), path: valueReturn}
	}
	return v, nil
}

// refuseConsumed releases g, just taken on a mutex that IntoInner ended, and
// panics.
func (m *Mutex[T]) refuseConsumed(g Guard[T]) {
	g.release()
	panic(where.Refuse(msgConsumed))
}
