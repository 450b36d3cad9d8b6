package async

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// The worker protocol. A task holds a worker while it runs user code, gives
// it back at every await point (release) and asks for one again before it
// goes on (schedule, then resume). With one worker, the deadlock checker sees
// the worker as a lock, so a task that blocks while holding it can be caught
// in a cycle.

// release gives the worker back to where the task got it.
func (t *task) release() { t.sched.handOff(t.lend()) }

// resume waits for the task's turn: a worker handed to it after it was
// scheduled. It does not return once the executor has shut down: the task is
// cancelled instead. Await points call it directly after schedule, so that a
// deadlock report shows the user's await line (the recorder keeps few frames).
func (t *task) resume() {
	lock := t.workerLock()
	checked := lock != 0 && len(t.wake) == 0
	if checked {
		announced := false
		defer func() {
			if !announced { // the checker panicked instead of letting the task wait
				if r := recover(); r != nil {
					t.leaveQueue()
					panic(r)
				}
			}
		}()
		engine.BeforeWait(lock, engine.Exclusive) // panics instead of waiting forever
		announced = true
	}
	t.awaitWorker()
	var w int
	select {
	case w = <-t.wake:
	case <-t.ex.shutdown:
		if checked {
			engine.AfterWait()
		}
		t.leaveQueue()
		t.cancel()
	}
	if checked {
		engine.AfterWait()
	}
	if t.ex.closed() { // never run user code after BlockOn's root finished
		t.sched.handOff(w)
		t.cancel()
	}
	t.worker = w
	if hook.Active() {
		if lock != 0 {
			t.lockHeld = lock
			engine.Acquired(lock, engine.Exclusive, false, nil)
		}
		if rec.Enabled() {
			rec.Emit(rec.TaskRun, rec.Begin, t.id, 0, int64(w))
		}
	}
}

// leaveQueue takes the task out of the ready queue, passing on the worker
// if one was handed to it meanwhile.
func (t *task) leaveQueue() {
	if !t.sched.unqueue(t) {
		t.sched.handOff(<-t.wake)
	}
}

// workerLock returns the lock the deadlock checker should see the worker
// as, or 0: with the checks on, the executor's one worker; with more
// workers, for a branch of a Join, the one worker its Join's branches share.
func (t *task) workerLock() uint64 {
	switch {
	case !hook.Checking():
		return 0
	case t.ex.workers == 1:
		return t.ex.id
	case t.branchOf != nil:
		return t.branchOf.lockID()
	}
	return 0
}
