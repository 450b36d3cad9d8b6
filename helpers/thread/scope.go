package thread

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// Scoped is a scope of threads (Rust: std::thread::Scope), handed to the
// function passed to Scope. Spawn threads into it with s.Go, or with Spawn
// and the In(s) option for threads that return a result.
type Scoped struct {
	mu      sync.Mutex
	threads []*core // spawned and not yet waited for by the scope
	ended   bool
}

// Scope calls f with a new scope and returns once every thread spawned into
// the scope has ended (Rust: thread::scope). Threads may spawn more threads
// into the same scope. If a thread panicked and nobody joined it, Scope
// panics with its *PanicError once all threads have ended, as Rust's scope
// does; if f itself panics, Scope joins every thread and lets f's panic go
// on.
//
// Scope never returns, nor panics, while one of its threads still runs. With
// the deadlock checks on, if waiting for a thread would deadlock because the
// caller holds a lock the thread needs, Scope releases the caller's locks
// (poisoned, as unwinding would), waits for every thread to end, and then
// panics with the *deadlock.Error; the caller's deferred Unlocks of those
// guards then do nothing. (A read lock of an RwLock cannot be released on the
// caller's behalf, since its read guard would release it again: if the
// thread waits for one, Scope panics at once, the one case where a thread
// outlives its scope.)
func Scope(f func(s *Scoped)) {
	if f == nil {
		panic(where.Refuse("thread: Scope called with a nil function"))
	}
	s := &Scoped{}
	var site callers.PCs
	if hook.Active() {
		site = callers.Capture()
	}
	completed := false
	defer func() {
		if !completed { // f panicked or called runtime.Goexit: join, then let it go on
			s.joinAll(site)
		}
	}()
	f(s)
	completed = true
	first, deadlock := s.joinAll(site)
	if deadlock != nil {
		panic(deadlock)
	}
	if first != nil {
		panic(first)
	}
}

// Go spawns f into the scope (Rust: Scope::spawn) and returns its handle,
// which may be joined before the scope ends.
func (s *Scoped) Go(f func(), opts ...Option) *JoinHandle[struct{}] {
	if f == nil {
		panic(where.Refuse(msgNilFunc))
	}
	h := &JoinHandle[struct{}]{core: core{body: f}}
	h.prepare(opts, s)
	start(h.run)
	return h
}

const msgScopeEnded = "thread: spawn into a scope that has ended " +
	"(Rust rejects this at compile time: the Scope cannot outlive the thread::scope call)"

// add registers c, or panics if the scope has ended.
func (s *Scoped) add(c *core) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		panic(where.Refuse(msgScopeEnded))
	}
	c.scope = s
	s.threads = append(s.threads, c)
}

func (s *Scoped) isEnded() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ended
}

// joinAll waits for every thread of the scope, including those spawned
// meanwhile, ends the scope, and returns the first panic (in spawn order)
// of a thread nobody joined, and the deadlock report if waiting for one
// would have deadlocked.
func (s *Scoped) joinAll(site callers.PCs) (first *PanicError, deadlock *engine.Error) {
	for {
		s.mu.Lock()
		pending := s.threads
		s.threads = nil
		if len(pending) == 0 {
			s.ended = true
			s.mu.Unlock()
			return first, deadlock
		}
		s.mu.Unlock()
		for _, c := range pending {
			if c.joined.Load() {
				continue // joined explicitly, so already ended
			}
			if err := waitUnwinding(c, site); err != nil && deadlock == nil {
				deadlock = err
			}
			if !c.joined.Swap(true) && first == nil {
				first, _ = c.err.(*PanicError)
			}
		}
	}
}

// waitUnwinding waits for c. If that would deadlock — c needs a lock this
// goroutine holds — it releases this goroutine's locks (see engine.Unwind),
// waits for c all the same and returns the report, to be raised once every
// thread of the scope has ended. If the locks cannot all be released, or c
// still cannot finish, the report is raised at once: a scope can then only
// hang or return early, and a hang helps no one.
func waitUnwinding(c *core, site callers.PCs) (deadlock *engine.Error) {
	if err := catchDeadlock(func() { c.wait(site) }); err != nil {
		if engine.Unwind() {
			panic(err)
		}
		if again := catchDeadlock(func() { c.wait(site) }); again != nil {
			panic(again)
		}
		return err
	}
	return nil
}

// catchDeadlock runs f and returns the deadlock report it panicked with, if
// that is how it ended; any other panic goes on.
func catchDeadlock(f func()) (err *engine.Error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*engine.Error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	f()
	return nil
}
