package mutex

import (
	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Guard is the proof that the lock is held (Rust: MutexGuard). It gives
// access to the value until Unlock. It is a small value, not a pointer, so
// taking the lock allocates nothing; copies of a guard are the same guard,
// and all of them stop working at Unlock.
type Guard[T any] struct {
	m   *Mutex[T]
	gen uint64
}

const (
	msgAfterUnlock = "mutex: guard used after Unlock (Rust rejects this at compile time: the guard was dropped)"
	msgTwice       = "mutex: Unlock called twice on the same guard (Rust rejects this at compile time: the guard was moved into drop)"
	msgZero        = "mutex: zero Guard used (a guard comes from Lock or TryLock)"
)

// check panics unless g is the guard of the current holder. It stays small
// enough to inline: the panic value finds its location when read (see
// where.Later).
func (g Guard[T]) check() {
	if g.m == nil {
		panic(errZero)
	}
	if g.gen != g.m.gen.V.Load() {
		panic(errAfterUnlock)
	}
}

// The panic values of check, made once: a conversion at the panic would cost
// more than the inliner allows.
var errZero, errAfterUnlock error = where.Later(msgZero), where.Later(msgAfterUnlock)

// refuse panics with msg, naming the caller's line.
func refuse(msg string) {
	panic(where.Refuse(msg))
}

// Get returns a copy of the value.
func (g Guard[T]) Get() T {
	g.check()
	return g.m.value
}

// Set replaces the value.
func (g Guard[T]) Set(v T) {
	g.check()
	g.m.value = v
}

// Ptr returns a pointer to the value, for updating it in place. The pointer
// must not be kept after Unlock: the lock no longer protects it then.
func (g Guard[T]) Ptr() *T {
	g.check()
	return &g.m.value
}

// Unlock releases the lock. If the goroutine is panicking, the value may be
// half-updated, so Unlock also poisons the mutex and lets the panic go on —
// as dropping a MutexGuard does while a Rust thread unwinds.
//
// With the deadlock checks or the recorder on (as in a notebook cell), Unlock
// sees the panic however it was deferred: defer g.Unlock() and
// defer func() { g.Unlock() }() both poison. With both off (a plain program
// or test), only the direct defer g.Unlock() can see it — Go lets only a
// function deferred directly ask whether a panic is going on — so write
// defer g.Unlock().
func (g Guard[T]) Unlock() {
	m := g.m
	if m == nil || g.gen != m.gen.V.Load() {
		if g.orphaned() {
			return
		}
	}
	if hook.Flags.Load() != 0 {
		m.unlockInstrumented()
		return
	}
	// recover only stops a panic when Unlock itself is the deferred call;
	// otherwise it returns nil and costs a few nanoseconds.
	if r := recover(); r != nil {
		m.poison()
		g.release()
		panic(r)
	}
	bump(&m.gen)
	m.mu.Unlock()
}

// orphaned reports whether g's lock was already released on its behalf
// (see abandon), in which case Unlock has nothing left to do; otherwise it
// panics: g was unlocked before.
//
//go:noinline
func (g Guard[T]) orphaned() bool {
	switch {
	case g.m == nil:
		refuse(msgZero)
	case g.gen+1 == g.m.orphan.Load():
		return true
	}
	refuse(msgTwice)
	return false
}

// unlockInstrumented is Unlock while the checks or the recorder are on:
// it poisons if the goroutine is unwinding a panic (unless it took the lock
// while already unwinding, as Rust's guards remember), and records the
// release before it happens.
func (m *Mutex[T]) unlockInstrumented() {
	unwound := m.unwound
	m.unwound = false
	if !unwound && callers.Panicking() {
		m.poison()
	}
	m.noteReleased()
	bump(&m.gen)
	m.mu.Unlock()
}

func (g Guard[T]) release() {
	m := g.m
	if hook.Flags.Load() != 0 {
		m.noteReleased()
	}
	bump(&m.gen)
	m.mu.Unlock()
}

// noteReleased records the release before it happens, so that the next
// holder's events come after it.
func (m *Mutex[T]) noteReleased() {
	id := m.TraceID()
	if rec.Enabled() {
		rec.Emit(rec.Unlock, rec.Instant, id, 0, 0)
	}
	if hook.Checking() {
		engine.Released(id)
	}
}
