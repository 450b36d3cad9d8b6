package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// Write waits until no one holds the lock, takes it for writing and returns
// its guard (Rust: write). While it waits, new readers wait behind it. If the
// lock is poisoned the guard is still returned, with a
// *PoisonError[WriteGuard[T]].
//
// A read guard cannot be upgraded: Write while this goroutine holds a read
// guard of the same lock waits for that guard forever (with the checks of
// helpers/deadlock on, it panics with a *engine.Error instead).
func (l *RwLock[T]) Write() (WriteGuard[T], error) {
	if hook.Active() {
		l.lockInstrumented(engine.Exclusive)
	} else {
		l.mu.Lock()
	}
	return l.writeAcquired()
}

// TryWrite takes the write lock if no one holds it. Otherwise it returns
// ErrWouldBlock and a zero guard (Rust: try_write).
func (l *RwLock[T]) TryWrite() (WriteGuard[T], error) {
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Point(l.TraceID(), engine.OpTry, engine.Exclusive) // helpers/explore
	}
	if !l.mu.TryLock() {
		return WriteGuard[T]{}, ErrWouldBlock
	}
	if hook.Active() {
		l.noteAcquired(engine.Exclusive, false)
	}
	return l.writeAcquired()
}

func (l *RwLock[T]) writeAcquired() (WriteGuard[T], error) {
	g := WriteGuard[T]{l: l, gen: l.gen.Load()}
	if l.poisoned.Load() {
		return g, &PoisonError[WriteGuard[T]]{guard: g}
	}
	return g, nil
}

// unlockWrite releases the write lock, telling the recorder and the checks
// first so that nobody can take the lock in between. With either on, it also
// poisons the lock if the goroutine is unwinding a panic (unless it took the
// lock while already unwinding, as Rust's guards remember).
func (l *RwLock[T]) unlockWrite() {
	if hook.Active() {
		unwound := l.unwound
		l.unwound = false
		if !unwound && callers.Panicking() {
			l.poison()
		}
		l.noteReleased(engine.Exclusive, true)
	}
	l.gen.Bump()
	l.mu.Unlock()
}

// abandonWrite releases the write lock on behalf of a goroutine that can no
// longer release it — a thread that ended holding it, or one unwinding out
// of a deadlock report — and poisons it if that goroutine panicked: the
// value may be half-updated. The guard's own Unlock, if it still comes, does
// nothing.
func (l *RwLock[T]) abandonWrite(_ int64, poison bool) {
	if poison {
		l.poison()
	}
	l.noteReleased(engine.Exclusive, false)
	l.orphan.Store(l.gen.Load() + 1)
	l.gen.Bump()
	l.mu.Unlock()
}
