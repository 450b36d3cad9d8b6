// Package rwlock is Rust's std::sync::RwLock for Go: a value that many
// goroutines may read at once, or one goroutine may write, and that can only
// be reached through the guard Read or Write returns.
//
// Read returns a ReadGuard, which only reads; Write returns a WriteGuard,
// which reads and writes. Where Rust checks guards at compile time, this
// package checks at run time and panics with a message that says what Rust
// would have said. Exactly what is caught:
//
//   - A WriteGuard (or any copy of it) used or unlocked after its Unlock:
//     always caught.
//   - A ReadGuard used or unlocked after its Unlock: caught as soon as the
//     lock has had no reader at all, even for a moment, since the guard was
//     taken — so always once a writer has held the lock. Until then (other
//     readers held it the whole time) a stale read guard goes unnoticed, and
//     unlocking it again releases one of the other readers' locks; the next
//     of those read guards to be used or unlocked then panics.
//   - Never is a misuse passed on to sync.RWMutex, whose "fatal error: sync:
//     RUnlock of unlocked RWMutex" would end the program: it is a panic with
//     an "rwlock: " message, which recover and helpers/thread can catch.
//
// # Writers are not starved
//
// The lock prefers writers, as sync.RWMutex does (Rust does not promise any
// policy): once a writer waits in Write, new readers wait behind it, even
// while other readers still hold the lock. When those readers are done, the
// writer goes in. So a steady stream of readers cannot keep a writer out
// forever.
//
// The price is that read locks do not nest. A goroutine that calls Read while
// it already holds a read guard waits behind any writer queued in between,
// and that writer waits for the goroutine's first read guard: a deadlock.
// Rust's documentation warns of the same. With the checks of helpers/deadlock
// on, that Read panics with a *deadlock.Error naming both goroutines, instead
// of hanging.
//
// # Poisoning
//
// Only writers poison, as in Rust. If a goroutine panics while it holds a
// WriteGuard — and releases it on the way out, or dies inside a
// helpers/thread thread while the checks are on — the lock is poisoned: every
// later Read, Write, TryRead and TryWrite still returns the guard, together
// with a *PoisonError saying that the value may be half-updated (MustRead
// and MustWrite, Rust's read().unwrap() and write().unwrap(), panic with it
// instead). A panic
// while holding a ReadGuard poisons nothing, since a reader changed nothing;
// a thread that dies holding one has its read lock released all the same.
// As for helpers/mutex, with the checks or the recorder on a WriteGuard's
// Unlock sees the panic however it was deferred; with both off, write
// defer g.Unlock().
//
// rwlock.New(v, rwlock.Name("config")) names the lock in reports and on
// timelines.
//
// The guards are small values, never allocated. Counting read guards, which
// is what turns a misuse into a panic, costs one atomic operation in Read and
// one in the read guard's Unlock on top of sync.RWMutex's own (see the
// benchmarks for the cost against sync.RWMutex).
package rwlock
