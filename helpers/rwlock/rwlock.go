package rwlock

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/gen"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// RwLock is a reader-writer lock that owns a value of type T. The zero value
// is an unlocked RwLock holding T's zero value. An RwLock must not be copied
// after first use.
type RwLock[T any] struct {
	mu       lockImpl      // sync.RWMutex (see lock.go)
	readers  readerCount   // read guards out, to catch stale ones before sync.RWMutex sees them
	gen      gen.Counter   // bumped on every write unlock, so stale write guards are caught
	orphan   atomic.Uint64 // the write generation released on a guard's behalf (see abandonWrite)
	unwound  bool          // guarded by the write lock: taken while its goroutine was unwinding a panic
	poisoned atomic.Bool
	id       atomic.Uint64
	value    T
}

// New returns an RwLock holding v (Rust: RwLock::new). Options: Name.
func New[T any](v T, opts ...Option) *RwLock[T] {
	l := &RwLock[T]{value: v}
	l.id.Store(rec.NewID(rec.RwLockObject))
	l.apply(opts)
	return l
}

// ErrWouldBlock is returned by TryRead and TryWrite when they would have to
// wait (Rust: TryLockError::WouldBlock).
var ErrWouldBlock = errors.New("rwlock: would block: a writer holds or awaits the lock (TryRead), or anyone holds it (TryWrite)")

// IsPoisoned reports whether a goroutine panicked while holding the write lock.
func (l *RwLock[T]) IsPoisoned() bool { return l.poisoned.Load() }

// ClearPoison marks the value as repaired: later calls return no error.
func (l *RwLock[T]) ClearPoison() { l.poisoned.Store(false) }

func (l *RwLock[T]) poison() {
	l.poisoned.Store(true)
	if rec.Enabled() {
		rec.Emit(rec.Poison, rec.Instant, l.TraceID(), 0, 0)
	}
}

// TraceID returns the lock's id in recordings (see helpers/trace).
func (l *RwLock[T]) TraceID() uint64 {
	if id := l.id.Load(); id != 0 {
		return id
	}
	l.id.CompareAndSwap(0, rec.NewID(rec.RwLockObject)) // a zero-value RwLock
	return l.id.Load()
}

// Option configures New.
type Option func(*options)

type options struct {
	name string
}

// Name gives the lock a name, such as "config", that deadlock and lock-order
// reports, errors and timelines use instead of "rwlock 3".
func Name(name string) Option {
	return func(o *options) { o.name = name }
}

// apply labels the lock with the options' name, if any.
func (l *RwLock[T]) apply(opts []Option) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.name != "" {
		rec.LabelID(l.TraceID(), o.name)
	}
}

// PoisonError is returned with the guard when a goroutine panicked while
// holding the write lock (Rust: PoisonError<RwLockReadGuard<T>> and
// PoisonError<RwLockWriteGuard<T>>). G is ReadGuard[T] or WriteGuard[T]. The
// lock is held all the same: the guard comes with the error, so the caller can
// inspect or repair the value.
type PoisonError[G any] struct {
	guard G
	lock  uint64 // the lock's trace id, for its name
	must  string // "MustRead" or "MustWrite" when that released the lock and panicked: no guard
}

// Error says what happened and what to do about it, naming the lock if it
// was given a Name. Only the error of Read, Write and their Try forms comes
// with a guard; MustRead and MustWrite release the lock before panicking.
func (e *PoisonError[G]) Error() string {
	msg := named(e.lock) + ": poisoned: a goroutine panicked while holding the write lock, so the value may be half-updated"
	if e.must != "" {
		return msg + " (" + e.must + " released the lock and panicked, so no guard exists: use " + strings.TrimPrefix(e.must, "Must") + " to get the guard with the error and recover the value)"
	}
	return msg + " (the guard is still yours: IntoInner)"
}

// IntoInner returns the guard, which holds the lock (Rust: into_inner). On
// the error MustRead or MustWrite panicked with, which has no guard, it
// panics saying so.
func (e *PoisonError[G]) IntoInner() G {
	if e.must != "" {
		panic(named(e.lock) + ": PoisonError.IntoInner: no guard: " + e.must + " released the lock before it panicked (use " + strings.TrimPrefix(e.must, "Must") + ", whose error comes with the guard)")
	}
	return e.guard
}

// released marks err, a *PoisonError that must is about to panic with after
// releasing the lock, as having no guard.
func released[G any](err error, must string) error {
	if pe, ok := err.(*PoisonError[G]); ok {
		var zero G
		pe.guard, pe.must = zero, must
	}
	return err
}

// named is how messages name a lock: `rwlock "config"` if it was given a
// Name, plain "rwlock" otherwise.
func named(id uint64) string {
	if id != 0 {
		if name := rec.ObjectName(id); name != rec.DefaultName(id) {
			return fmt.Sprintf("rwlock %q", name)
		}
	}
	return "rwlock"
}
