package engine

import "github.com/fearless-go/fearless/helpers/internal/hook"

// The schedule explorer (helpers/explore) hooks in here. While it runs it
// sets hook.Explore together with hook.Check, so the helpers call the hooks
// of this package as they do for the checks, and each hook also tells the
// Scheduler. The helpers call Point before every operation that another
// thread could observe, and Spawned when a thread is about to start. With
// hook.Explore off, each of these costs one atomic load.

// Op is what a thread is about to do at a scheduling point.
type Op uint8

// The operations.
const (
	OpLock   Op = iota + 1 // take a lock (in a Mode); waits while another thread holds it
	OpTry                  // TryLock, TryRead, TryWrite: never waits
	OpJoin                 // wait for a thread (the object) to end
	OpWait                 // wait until another thread changes the object, then try again
	OpAccess               // any other operation on the object: send, receive, clone, drop
)

// Scheduler is the schedule explorer's side of the hooks. Every method is
// called on the goroutine doing the operation.
type Scheduler interface {
	// Point is called before op on obj. It returns when it is the calling
	// thread's turn and op can go on without waiting.
	Point(obj uint64, op Op, mode Mode)
	// Wake says obj changed: threads at an OpWait point on it may retry.
	Wake(obj uint64)
	// Spawned is called by the spawner before the thread's goroutine starts.
	Spawned(thread uint64, name string)
	// Started is called first on the thread's goroutine; it returns at the
	// thread's first turn.
	Started(thread uint64)
	// Panicked is called when the thread's function panicked, before Exited.
	Panicked(thread uint64, value any)
	// Exited is called when the thread's function has ended and its locks
	// are released; it hands the turn on.
	Exited(thread uint64)
	// Gone is called last on the thread's goroutine, after its final event
	// is recorded and its joiners are released: an execution is over only
	// when every thread it ran is gone, or a straggler's events would land
	// in whatever recording runs next.
	Gone(thread uint64)
	// Acquired and Released follow the locks (after the real acquisition,
	// before the real release).
	Acquired(lock uint64, mode Mode)
	Released(lock uint64)
}

var scheduler Scheduler

// SetScheduler registers the explorer (once, from its init).
func SetScheduler(s Scheduler) { scheduler = s }

// Exploring reports whether the explorer controls the schedule.
func Exploring() bool { return hook.Flags.Load()&hook.Explore != 0 }

// Point is a scheduling point before op on obj (see Scheduler.Point).
func Point(obj uint64, op Op, mode Mode) {
	if Exploring() {
		scheduler.Point(obj, op, mode)
	}
}

// Wake tells the explorer that obj changed (see Scheduler.Wake).
func Wake(obj uint64) {
	if Exploring() {
		scheduler.Wake(obj)
	}
}

// Spawned tells the explorer about a thread about to start.
func Spawned(thread uint64, name string) {
	if Exploring() {
		scheduler.Spawned(thread, name)
	}
}

// ThreadGone tells the explorer that thread's goroutine is done with the
// helpers (see Scheduler.Gone).
func ThreadGone(thread uint64) {
	if Exploring() {
		scheduler.Gone(thread)
	}
}

// Panicked tells the explorer that thread's function panicked with value.
func Panicked(thread uint64, value any) {
	if Exploring() {
		scheduler.Panicked(thread, value)
	}
}
