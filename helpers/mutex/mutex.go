package mutex

import (
	"errors"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/gen"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Mutex is a mutual-exclusion lock that owns a value of type T. The zero
// value is an unlocked mutex holding T's zero value. A Mutex must not be
// copied after first use.
type Mutex[T any] struct {
	mu       lockImpl      // sync.Mutex (see lock.go)
	gen      gen.Counter   // bumped on every unlock, so stale guards are caught
	orphan   atomic.Uint64 // the generation released on a guard's behalf (see abandon)
	unwound  bool          // guarded by mu: taken while its goroutine was unwinding a panic
	poisoned atomic.Bool
	done     atomic.Bool // IntoInner ended the mutex; poisoned is set too, so only the poisoned path checks it
	id       atomic.Uint64
	value    T
}

// New returns a mutex holding v (Rust: Mutex::new). Options: Name.
func New[T any](v T, opts ...Option) *Mutex[T] {
	m := &Mutex[T]{value: v}
	m.id.Store(rec.NewID(rec.MutexObject))
	m.apply(opts)
	return m
}

// ErrWouldBlock is returned by TryLock when another goroutine holds the lock
// (Rust: TryLockError::WouldBlock).
var ErrWouldBlock = errors.New("mutex: already locked (TryLock would block)")

// Lock waits for the lock and returns its guard. If the mutex is poisoned the
// guard is still returned, with a *PoisonError (Rust: lock() -> LockResult).
func (m *Mutex[T]) Lock() (Guard[T], error) {
	// Kept small enough to inline: one flag load and one CAS when uncontended.
	if hook.Flags.Load() != 0 {
		return m.lockSlow()
	}
	m.mu.Lock()
	if m.poisoned.Load() {
		return m.poisonedGuard()
	}
	return Guard[T]{m: m, gen: m.gen.V.Load()}, nil
}

// TryLock takes the lock if it is free. Otherwise it returns ErrWouldBlock
// and a zero guard; if the mutex is poisoned, a *PoisonError with the guard.
func (m *Mutex[T]) TryLock() (Guard[T], error) {
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Point(m.TraceID(), engine.OpTry, engine.Exclusive) // helpers/explore
	}
	if !m.mu.TryLock() {
		return Guard[T]{}, ErrWouldBlock
	}
	if hook.Active() {
		m.noteAcquired(false)
	}
	return m.acquired()
}

func (m *Mutex[T]) acquired() (Guard[T], error) {
	if m.poisoned.Load() {
		return m.poisonedGuard()
	}
	return Guard[T]{m: m, gen: m.gen.V.Load()}, nil
}

// poisonedGuard is kept out of line so Lock stays small enough to inline.
//
//go:noinline
func (m *Mutex[T]) poisonedGuard() (Guard[T], error) {
	g := Guard[T]{m: m, gen: m.gen.V.Load()}
	if m.done.Load() {
		m.refuseConsumed(g)
	}
	return g, &PoisonError[T]{guard: g, lock: m.TraceID()}
}

// lockSlow is Lock when the lock is contended or instrumentation is on: it
// records the wait and the acquisition, and refuses to block into a deadlock.
func (m *Mutex[T]) lockSlow() (Guard[T], error) {
	if !hook.Active() {
		m.mu.Lock()
		return m.acquired()
	}
	engine.Point(m.TraceID(), engine.OpLock, engine.Exclusive) // a scheduling point of helpers/explore
	if !m.mu.TryLock() {
		id := m.TraceID()
		checking := hook.Checking()
		if checking {
			engine.BeforeWait(id, engine.Exclusive) // panics instead of hanging
		}
		if rec.Enabled() {
			rec.Emit(rec.LockWait, rec.Begin, id, 0, rec.ModeExclusive)
		}
		m.mu.Lock()
		if rec.Enabled() {
			rec.Emit(rec.LockWait, rec.End, id, 0, rec.ModeExclusive)
		}
		if checking {
			engine.AfterWait()
		}
	}
	m.noteAcquired(true)
	return m.acquired()
}

func (m *Mutex[T]) noteAcquired(ordered bool) {
	id := m.TraceID()
	m.unwound = callers.Panicking() // such a guard does not poison (see Unlock)
	if hook.Checking() {
		engine.Acquired(id, engine.Exclusive, ordered, m.abandon)
	}
	if rec.Enabled() {
		rec.Emit(rec.Lock, rec.Instant, id, 0, 0)
	}
}

// abandon releases the lock on behalf of a goroutine that can no longer
// release it — a thread that ended holding it, or one unwinding out of a
// deadlock report — as Rust drops the guard; if it panicked the value may be
// half-updated, so the lock is poisoned. The checker has already forgotten
// the hold. The guard's own Unlock, if it still comes, does nothing.
func (m *Mutex[T]) abandon(_ int64, poison bool) {
	if poison {
		m.poison()
	}
	if rec.Enabled() {
		rec.Emit(rec.Unlock, rec.Instant, m.TraceID(), 0, 0)
	}
	m.orphan.Store(m.gen.V.Load() + 1)
	bump(&m.gen)
	m.mu.Unlock()
}

func (m *Mutex[T]) poison() {
	m.poisoned.Store(true)
	if rec.Enabled() {
		rec.Emit(rec.Poison, rec.Instant, m.TraceID(), 0, 0)
	}
}

// IsPoisoned reports whether a goroutine panicked while holding the lock.
func (m *Mutex[T]) IsPoisoned() bool { return m.poisoned.Load() && !m.done.Load() }

// ClearPoison marks the value as repaired: later Locks return no error.
func (m *Mutex[T]) ClearPoison() {
	if m.done.Load() {
		panic(where.Refuse(msgConsumed))
	}
	m.poisoned.Store(false)
}

// TraceID returns the mutex's id in recordings (see helpers/trace).
func (m *Mutex[T]) TraceID() uint64 {
	if id := m.id.Load(); id != 0 {
		return id
	}
	m.id.CompareAndSwap(0, rec.NewID(rec.MutexObject)) // a zero-value Mutex
	return m.id.Load()
}
