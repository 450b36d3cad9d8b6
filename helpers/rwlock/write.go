package rwlock

import (
	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/where"
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

// MustWrite is Write for code that treats a poisoned lock as a bug, as Rust's
// l.write().unwrap() does: it returns the guard, or, if the lock is poisoned,
// releases the write lock and panics with the *PoisonError. The lock stays
// poisoned.
func (l *RwLock[T]) MustWrite() WriteGuard[T] {
	g, err := l.Write()
	if err != nil {
		l.unlockWrite()
		panic(released[WriteGuard[T]](err, "MustWrite"))
	}
	return g
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
	g := WriteGuard[T]{l: l, gen: l.gen.V.Load()}
	if l.poisoned.Load() {
		return g, &PoisonError[WriteGuard[T]]{guard: g, lock: l.TraceID()}
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
	bump(&l.gen)
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
	l.orphan.Store(l.gen.V.Load() + 1)
	bump(&l.gen)
	l.mu.Unlock()
}

// WriteGuard is the proof that the write lock is held (Rust:
// RwLockWriteGuard): no other goroutine can read or write the value until
// Unlock. It is a small value, not a pointer, so taking the lock allocates
// nothing; copies of a guard are the same guard, and all of them stop working
// at Unlock.
type WriteGuard[T any] struct {
	l   *RwLock[T]
	gen uint64
}

const (
	msgWriteAfterUnlock = "rwlock: write guard used after Unlock (Rust rejects this at compile time: the guard was dropped)"
	msgWriteTwice       = "rwlock: Unlock called twice on a write guard (Rust rejects this at compile time: the guard was moved into drop)"
	msgWriteZero        = "rwlock: zero WriteGuard used (a write guard comes from Write or TryWrite)"
)

// check panics unless g is the guard of the current writer. It stays small
// enough to inline: the panic value finds its location when read (see
// where.Later).
func (g WriteGuard[T]) check() {
	if g.l == nil {
		panic(errWriteZero)
	}
	if g.gen != g.l.gen.V.Load() {
		panic(errWriteAfterUnlock)
	}
}

// The panic values of check, made once: a conversion at the panic would cost
// more than the inliner allows.
var errWriteZero, errWriteAfterUnlock error = where.Later(msgWriteZero), where.Later(msgWriteAfterUnlock)

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
	if l == nil || g.gen != l.gen.V.Load() {
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
