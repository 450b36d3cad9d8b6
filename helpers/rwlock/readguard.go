package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

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
		panic(where.Refuse(msgReadZero))
	}
	if !g.l.readers.current(g.session) {
		panic(where.Refuse(msgReadAfterUnlock))
	}
	return g.l.value
}

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
