package async

import (
	"errors"
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"runtime"
	"sync"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/thread"
)

// task is one async task: a future running on a goroutine of its own, which
// runs user code only while it holds one of its executor's workers. Only the
// task's goroutine touches worker and the flags.
type task struct {
	id        uint64
	ex        *executor
	sched     slots         // where it gets a worker: ex, or the Join it is a branch of
	branchOf  *group        // the Join it is a branch of, or nil
	root      bool          // the task BlockOn runs; its end shuts the executor down
	worker    int           // the worker held, or -1
	cancelled bool          // set by cancel
	started   bool          // the deadlock checker was told the task started
	lockHeld  uint64        // the worker lock the deadlock checker was told the task holds, or 0
	wake      chan int      // the worker handed to this task while it waited for one
	done      chan struct{} // closed once the task has finished or been cancelled
	err       error         // *thread.PanicError or ErrCancelled, set before done closes
}

// running maps a goroutine id to the task it runs: how an await point finds
// its task. Await points are not a hot path, so a sync.Map is enough.
var running sync.Map

func newTask(ex *executor) *task {
	return &task{id: rec.NewID(rec.TaskObject), ex: ex, sched: ex, worker: -1, wake: make(chan int, 1), done: make(chan struct{})}
}

// give hands the task the worker it waits for.
func (t *task) give(w int) { t.wake <- w }

// current returns the task running on the calling goroutine, or nil.
func current() *task {
	if t, ok := running.Load(goid.Get()); ok {
		return t.(*task)
	}
	return nil
}

// mustCurrent returns the calling goroutine's task, or panics with the rule
// that Rust enforces at compile time.
func mustCurrent(what string) *task {
	if t := current(); t != nil {
		return t
	}
	panic(where.Refuse(fmt.Sprintf(msgOutside, what)))
}

// run is the task's goroutine: wait for a worker, run body, and settle how
// the task ended — returned, panicked, or cancelled at an await point.
func (t *task) run(body func()) {
	g := goid.Get()
	running.Store(g, t)
	if hook.Active() {
		rec.NameGoroutine(rec.ObjectName(t.id))
		if hook.Checking() {
			t.started = true
			engine.ThreadStarted(t.id)
		}
	}
	returned := false
	defer func() {
		var err error
		if r := recover(); r != nil {
			err = t.panicError(r)
		} else if !returned {
			err = errGoexit
			if t.cancelled {
				err = ErrCancelled
			}
		}
		t.finish(err)
		running.Delete(g)
		t.ex.tasks.Done()
		if t.started {
			engine.ThreadGone(t.id)
		}
	}()
	t.resume() // spawn scheduled it
	body()
	returned = true
}

// panicError turns a value recovered from the task's panic into its error.
// A *thread.PanicError passed on by Join keeps the stack of the first panic.
func (t *task) panicError(r any) *thread.PanicError {
	if rec.Enabled() {
		rec.Emit(rec.Panic, rec.Instant, t.id, 0, 0)
	}
	if pe, ok := r.(*thread.PanicError); ok {
		return pe
	}
	return thread.Recovered(rec.ObjectName(t.id), r)
}

// finish gives back the worker, if held, and publishes the outcome.
func (t *task) finish(err error) {
	if t.root {
		t.ex.shutDown()
	}
	if t.branchOf != nil {
		t.branchOf.finished() // before the worker goes back: the last branch hands it to the Join's task
	}
	if t.worker >= 0 {
		t.release()
	}
	if t.started {
		var perr *thread.PanicError
		engine.ThreadExited(t.id, errors.As(err, &perr)) // releases locks the task still holds, poisoned if it panicked
	}
	if rec.Enabled() {
		cancelled := int64(0)
		if err == ErrCancelled {
			cancelled = 1
		}
		rec.Emit(rec.TaskDone, rec.Instant, t.id, 0, cancelled)
	}
	t.err = err
	close(t.done)
}

// cancel ends the task at an await point after its executor shut down. Its
// deferred calls run, as a dropped future's destructors do in Rust.
func (t *task) cancel() {
	t.cancelled = true
	runtime.Goexit()
}
