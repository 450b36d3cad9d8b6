package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/where"
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

// MustRead is Read for code that treats a poisoned lock as a bug, as Rust's
// l.read().unwrap() does: it returns the guard, or, if the lock is poisoned,
// releases the read lock and panics with the *PoisonError.
func (l *RwLock[T]) MustRead() ReadGuard[T] {
	g, err := l.Read()
	if err != nil {
		g.Unlock()
		panic(released[ReadGuard[T]](err, "MustRead"))
	}
	return g
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
		return g, &PoisonError[ReadGuard[T]]{guard: g, lock: l.TraceID()}
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

// ReadGuard is the proof that a read lock is held (Rust: RwLockReadGuard).
// It gives read access to the value until Unlock. It is a small value, not a
// pointer, so taking the lock allocates nothing; copies of a guard are the
// same guard.
type ReadGuard[T any] struct {
	l       *RwLock[T]
	session uint32
}

const (
	msgReadAfterUnlock = "rwlock: read guard used after Unlock (Rust rejects this at compile time: the guard was dropped; if this guard was not unlocked, another read guard of this lock was unlocked twice)"
	msgReadTwice       = "rwlock: Unlock called twice on a read guard (Rust rejects this at compile time: the guard was moved into drop; if this guard was unlocked once, another read guard of this lock was unlocked twice)"
	msgReadZero        = "rwlock: zero ReadGuard used (a read guard comes from Read or TryRead)"
)

// Get returns a copy of the value. Other goroutines may be reading it at the
// same moment, so whatever the copy shares with the value — the elements of
// a slice or map, what a pointer points to — must not be changed through it:
// Rust's read guard gives only a shared reference (&T), and writing through
// one is a compile error. Take a WriteGuard to change the value.
func (g ReadGuard[T]) Get() T {
	if g.l == nil {
		panic(errReadZero)
	}
	if !g.l.readers.current(g.session) {
		panic(errReadAfterUnlock)
	}
	return g.l.value
}

// The panic values of Get, made once so that Get stays small enough to
// inline; they find their line when read (see where.Later).
var errReadZero, errReadAfterUnlock error = where.Later(msgReadZero), where.Later(msgReadAfterUnlock)

// Unlock releases the read lock. A goroutine that panics while holding a
// read guard does not poison the lock, so a plain defer g.Unlock() is all it
// takes.
func (g ReadGuard[T]) Unlock() {
	l := g.l
	if l == nil {
		panic(where.Refuse(msgReadZero))
	}
	if !l.readers.leave(g.session) {
		panic(where.Refuse(msgReadTwice))
	}
	if hook.Active() {
		l.noteReleased(engine.Shared, true)
	}
	l.mu.RUnlock()
}
