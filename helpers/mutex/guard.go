package mutex

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
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

// check panics unless g is the guard of the current holder.
func (g Guard[T]) check(msg string) {
	if g.m == nil {
		panic(msgZero)
	}
	if g.gen != g.m.gen {
		panic(msg)
	}
}

// Get returns a copy of the value.
func (g Guard[T]) Get() T {
	g.check(msgAfterUnlock)
	return g.m.value
}

// Set replaces the value.
func (g Guard[T]) Set(v T) {
	g.check(msgAfterUnlock)
	g.m.value = v
}

// Ptr returns a pointer to the value, for updating it in place. The pointer
// must not be kept after Unlock: the lock no longer protects it then.
func (g Guard[T]) Ptr() *T {
	g.check(msgAfterUnlock)
	return &g.m.value
}

// Unlock releases the lock. Call it as defer g.Unlock(): then, if the
// goroutine panics while holding the guard, Unlock sees the panic, poisons
// the mutex, releases it and lets the panic go on — as dropping a
// MutexGuard does while a Rust thread unwinds.
func (g Guard[T]) Unlock() {
	g.check(msgTwice)
	// recover only stops a panic when Unlock itself is the deferred call;
	// otherwise it returns nil and costs a few nanoseconds.
	if r := recover(); r != nil {
		g.m.poison()
		g.release()
		panic(r)
	}
	// release, written out: the call would not be inlined here.
	m := g.m
	if hook.Flags.Load() != 0 {
		m.noteReleased()
	}
	m.gen++
	m.mu.Unlock()
}

func (g Guard[T]) release() {
	m := g.m
	if hook.Flags.Load() != 0 {
		m.noteReleased()
	}
	m.gen++
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
