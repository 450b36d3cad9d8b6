package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// WriteGuard is the proof that the write lock is held (Rust:
// RwLockWriteGuard): no other goroutine can read or write the value until
// Unlock. It is a small value, not a pointer, so taking the lock allocates
// nothing; copies of a guard are the same guard, and all of them stop working
// at Unlock.
type WriteGuard[T any] struct {
	l   *RwLock[T]
	gen uintptr
}

const (
	msgWriteAfterUnlock = "rwlock: write guard used after Unlock (Rust rejects this at compile time: the guard was dropped)"
	msgWriteTwice       = "rwlock: Unlock called twice on a write guard (Rust rejects this at compile time: the guard was moved into drop)"
	msgWriteZero        = "rwlock: zero WriteGuard used (a write guard comes from Write or TryWrite)"
)

// check panics unless g is the guard of the current writer.
func (g WriteGuard[T]) check() {
	if g.l == nil || g.gen != g.l.gen.Load() {
		g.refuse(msgWriteAfterUnlock)
	}
}

// refuse panics with msg, naming the caller's line. It is out of line so
// that the checks stay small enough to inline.
//
//go:noinline
func (g WriteGuard[T]) refuse(msg string) {
	if g.l == nil {
		msg = msgWriteZero
	}
	panic(where.Refuse(msg))
}

// Get returns a copy of the value.
func (g WriteGuard[T]) Get() T {
	g.check()
	return g.l.value
}

// Set replaces the value.
func (g WriteGuard[T]) Set(v T) {
	g.check()
	g.l.value = v
}

// Ptr returns a pointer to the value, for updating it in place. The pointer
// must not be kept after Unlock: the lock no longer protects it then.
func (g WriteGuard[T]) Ptr() *T {
	g.check()
	return &g.l.value
}

// Unlock releases the write lock. If the goroutine is panicking, the value
// may be half-updated, so Unlock also poisons the lock and lets the panic go
// on — as dropping an RwLockWriteGuard does while a Rust thread unwinds.
//
// With the deadlock checks or the recorder on (as in a notebook cell), Unlock
// sees the panic however it was deferred: defer g.Unlock() and
// defer func() { g.Unlock() }() both poison. With both off, only the direct
// defer g.Unlock() can see it, so write that.
func (g WriteGuard[T]) Unlock() {
	l := g.l
	if l == nil || g.gen != l.gen.Load() {
		if g.orphaned() {
			return
		}
	}
	if hook.Active() {
		l.unlockWrite() // sees the panic itself
		return
	}
	// recover only stops a panic when Unlock itself is the deferred call;
	// otherwise it returns nil and costs a few nanoseconds.
	if r := recover(); r != nil {
		l.poison()
		l.unlockWrite()
		panic(r)
	}
	l.unlockWrite()
}

// orphaned reports whether g's lock was already released on its behalf
// (see abandonWrite); otherwise it panics: g was unlocked before.
//
//go:noinline
func (g WriteGuard[T]) orphaned() bool {
	if g.l != nil && g.gen+1 == g.l.orphan.Load() {
		return true
	}
	g.refuse(msgWriteTwice)
	return false
}
