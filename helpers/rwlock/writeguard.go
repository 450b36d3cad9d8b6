package rwlock

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

// check panics unless g is the guard of the current writer.
func (g WriteGuard[T]) check(msg string) {
	if g.l == nil {
		panic(msgWriteZero)
	}
	if g.gen != g.l.gen {
		panic(msg)
	}
}

// Get returns a copy of the value.
func (g WriteGuard[T]) Get() T {
	g.check(msgWriteAfterUnlock)
	return g.l.value
}

// Set replaces the value.
func (g WriteGuard[T]) Set(v T) {
	g.check(msgWriteAfterUnlock)
	g.l.value = v
}

// Ptr returns a pointer to the value, for updating it in place. The pointer
// must not be kept after Unlock: the lock no longer protects it then.
func (g WriteGuard[T]) Ptr() *T {
	g.check(msgWriteAfterUnlock)
	return &g.l.value
}

// Unlock releases the write lock. Call it as defer g.Unlock(): then, if the
// goroutine panics while holding the guard, Unlock sees the panic, poisons
// the lock, releases it and lets the panic go on — as dropping an
// RwLockWriteGuard does while a Rust thread unwinds.
func (g WriteGuard[T]) Unlock() {
	g.check(msgWriteTwice)
	// recover only stops a panic when Unlock itself is the deferred call;
	// otherwise it returns nil and costs a few nanoseconds.
	if r := recover(); r != nil {
		g.l.poison()
		g.l.unlockWrite()
		panic(r)
	}
	g.l.unlockWrite()
}
