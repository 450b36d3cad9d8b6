package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// Read waits until no writer holds or awaits the lock, takes a read lock and
// returns its guard (Rust: read). Other readers may hold the lock at the same
// time. If the lock is poisoned the guard is still returned, with a
// *PoisonError[ReadGuard[T]].
//
// Do not call Read while this goroutine already holds a read guard of the
// same lock: if a writer queued in between, both wait for each other forever
// (with the checks of helpers/deadlock on, Read panics with a *engine.Error
// instead; see the package documentation).
func (l *RwLock[T]) Read() (ReadGuard[T], error) {
	if hook.Active() {
		l.lockInstrumented(engine.Shared)
	} else {
		l.mu.RLock()
	}
	return l.readAcquired()
}

// TryRead takes a read lock if no writer holds or awaits it. Otherwise it
// returns ErrWouldBlock and a zero guard (Rust: try_read).
func (l *RwLock[T]) TryRead() (ReadGuard[T], error) {
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Point(l.TraceID(), engine.OpTry, engine.Shared) // helpers/explore
	}
	if !l.mu.TryRLock() {
		return ReadGuard[T]{}, ErrWouldBlock
	}
	if hook.Active() {
		l.noteAcquired(engine.Shared, false)
	}
	return l.readAcquired()
}

func (l *RwLock[T]) readAcquired() (ReadGuard[T], error) {
	g := ReadGuard[T]{l: l, session: l.readers.enter()}
	if l.poisoned.Load() {
		return g, &PoisonError[ReadGuard[T]]{guard: g}
	}
	return g, nil
}

// abandonRead releases a read lock for a goroutine that died holding it. A
// reader changed nothing, so nothing is poisoned.
func (l *RwLock[T]) abandonRead(int64, bool) {
	if l.readers.leaveAny() {
		l.noteReleased(engine.Shared, false)
		l.mu.RUnlock()
	}
}
