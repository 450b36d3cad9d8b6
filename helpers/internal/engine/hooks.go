package engine

import (
	"fmt"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// These functions are for helper packages (mutex, rwlock, thread). They must
// only be called while Enabled reports true; each takes the checker's lock.

// BeforeWait is called before the calling goroutine blocks on lock (in the
// given mode). If blocking would complete a cycle of waits, it panics with an
// *Error instead. Otherwise it records the wait until AfterWait.
func BeforeWait(lock uint64, mode Mode) {
	g := goid.Get()
	w := wait{lock: lock, mode: mode, pcs: callers.Capture()}
	wouldDeadlock(g, w, lock)
}

// BeforeJoin is BeforeWait for waiting until a thread finishes.
func BeforeJoin(thread uint64) {
	g := goid.Get()
	w := wait{thread: thread, pcs: callers.Capture()}
	wouldDeadlock(g, w, thread)
}

// wouldDeadlock records g's wait, or panics with an *Error if it closes a cycle.
func wouldDeadlock(g int64, w wait, obj uint64) {
	state.Lock()
	state.waits[g] = w
	cycle := findCycle(g)
	if cycle == nil {
		state.Unlock()
		return
	}
	err := newError(cycle)
	delete(state.waits, g)
	state.Unlock()
	if rec.Enabled() {
		rec.Emit(rec.Deadlock, rec.Instant, obj, 0, 0)
	}
	panic(err)
}

// AfterWait clears the calling goroutine's wait.
func AfterWait() {
	g := goid.Get()
	state.Lock()
	delete(state.waits, g)
	state.Unlock()
}

// Acquired records that the calling goroutine now holds lock in mode. ordered
// says whether the acquisition could have blocked (Lock, not TryLock): only
// those create lock-order edges, as in Linux's lockdep. abandon, if not nil,
// releases the lock on behalf of goroutine g that ended holding it, and
// poisons it if poison is true (g panicked).
func Acquired(lock uint64, mode Mode, ordered bool, abandon func(g int64, poison bool)) {
	g := goid.Get()
	var pcs callers.PCs
	if !Exploring() { // the explorer reports deadlocks itself; the call site would cost a stack walk per lock
		pcs = callers.Capture()
	}
	var violations []*OrderViolation
	state.Lock()
	ls := state.locks[lock]
	if ls == nil {
		ls = &lockState{holders: map[int64]int{}}
		state.locks[lock] = ls
	}
	ls.holders[g]++
	ls.mode = mode
	if abandon != nil {
		ls.abandon = abandon
	}
	if ordered && !Exploring() { // the explorer finds the deadlocks themselves; its fresh locks would only grow the order graph
		violations = addOrder(g, lock, pcs)
	}
	state.heldBy[g] = append(state.heldBy[g], held{lock: lock, mode: mode, pcs: pcs})
	state.Unlock()
	for _, v := range violations {
		report(v)
	}
	if Exploring() {
		scheduler.Acquired(lock, mode)
	}
}

// Released records that the calling goroutine no longer holds lock. Call it
// before the lock is really released, so nobody else can take it in between.
// If another goroutine took the lock, Released panics: a guard that moves to
// another goroutine is what Rust forbids (guards are not Send), and the
// checker could no longer tell who holds what.
func Released(lock uint64) {
	g := goid.Get()
	state.Lock()
	if ls := state.locks[lock]; ls != nil && ls.holders[g] == 0 {
		var holder int64
		for h := range ls.holders {
			holder = h
		}
		state.Unlock()
		panic(where.Refuse(fmt.Sprintf("%s: %s released on %s, but it was taken on %s "+
			"(Rust rejects this at compile time: a lock guard is not Send, so it cannot move to another thread)",
			rec.KindOf(lock), lockName(lock), describe(g, nameOf(g)), describe(holder, nameOf(holder)))))
	}
	release(g, lock)
	state.Unlock()
	if Exploring() {
		scheduler.Released(lock)
	}
}

func release(g int64, lock uint64) {
	if ls := state.locks[lock]; ls != nil {
		if ls.holders[g]--; ls.holders[g] <= 0 {
			delete(ls.holders, g)
		}
		if len(ls.holders) == 0 {
			delete(state.locks, lock)
		}
	}
	hs := state.heldBy[g]
	for i := len(hs) - 1; i >= 0; i-- { // usually the last one taken
		if hs[i].lock == lock {
			hs = append(hs[:i], hs[i+1:]...)
			break
		}
	}
	if len(hs) == 0 {
		delete(state.heldBy, g)
	} else {
		state.heldBy[g] = hs
	}
}

// ThreadStarted records that thread runs on the calling goroutine.
func ThreadStarted(thread uint64) {
	g := goid.Get()
	state.Lock()
	state.threads[thread] = g
	state.Unlock()
	if Exploring() {
		scheduler.Started(thread)
	}
}

// ThreadExited records that thread has finished. If its goroutine still
// holds locks, they are released, as Rust drops a thread's guards when it
// ends; if the thread panicked they are poisoned too, as unwinding does.
// It returns how many locks were released.
func ThreadExited(thread uint64, panicked bool) (abandoned int) {
	g := goid.Get()
	state.Lock()
	delete(state.threads, thread)
	hs := append([]held(nil), state.heldBy[g]...)
	var fns []func(int64, bool)
	var lost []uint64
	for i := len(hs) - 1; i >= 0; i-- {
		if ls := state.locks[hs[i].lock]; ls != nil && ls.abandon != nil {
			fns = append(fns, ls.abandon)
			lost = append(lost, hs[i].lock)
		}
		release(g, hs[i].lock)
	}
	state.Unlock()
	for _, f := range fns {
		f(g, panicked)
	}
	if Exploring() {
		for _, lock := range lost {
			scheduler.Released(lock)
		}
		scheduler.Exited(thread)
	}
	return len(fns)
}
