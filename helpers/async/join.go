package async

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Join runs the futures concurrently within the current task and returns
// their results in argument order once all have finished (Rust: join!, or
// futures::future::join_all). Concurrently, never in parallel: like join!,
// Join polls its futures inside the calling task, so they take turns on that
// task's one worker, passing it on at their await points. A blocking call in
// any of them — thread.Sleep, a mutex wait, a long loop — holds the worker
// and stalls all the others, however many workers the executor has. For
// parallelism, Spawn each future and await the handles (JoinAll).
//
// If some of the futures panic, Join still waits for all of them, then panics
// in the current task with the first failure in argument order, as a
// *thread.PanicError that keeps that future's stack; BlockOn and Handle.Await
// return it as it is. (Rust's join! would drop the other futures instead;
// here they finish.) Join panics outside a task, and if a future was used
// before — then none of them runs.
func Join[T any](futs ...*Future[T]) []T {
	t := mustCurrent("Join")
	for i, f := range futs {
		if msg := f.claim(useJoin); msg != "" {
			for _, claimed := range futs[:i] {
				claimed.used.Store(uint32(unused)) // nothing is lost: they can still be used
			}
			panic(where.Refuse(msg))
		}
	}
	out := make([]T, len(futs))
	if len(futs) == 0 {
		return out
	}
	w := t.lend()
	g := newGroup(t, w, len(futs))
	bs := make([]*task, len(futs))
	for i, f := range futs {
		b := newTask(t.ex)
		b.sched, b.branchOf = g, g
		if rec.Enabled() {
			rec.LabelID(b.id, fmt.Sprintf("%s, branch %d", rec.ObjectName(t.id), i+1))
		}
		bs[i] = b
		fn := f.take()
		start(b, func() { out[i] = fn() })
	}
	g.handOff(w) // every branch is queued, in order: the first one runs
	for _, b := range bs {
		wait(t, rec.Join, b.id, 0, b.done)
	}
	t.resume() // the last branch to finish has handed the worker back
	for _, b := range bs {
		if b.err != nil {
			panic(b.err)
		}
	}
	return out
}

// lend takes the worker from the task so that it can lend it to its Join's
// branches, and returns it. Like release, without handing it back.
func (t *task) lend() int {
	w := t.worker
	if hook.Active() {
		if rec.Enabled() {
			rec.Emit(rec.TaskRun, rec.End, t.id, 0, int64(w))
		}
	}
	if t.lockHeld != 0 {
		engine.Released(t.lockHeld)
		t.lockHeld = 0
	}
	t.worker = -1
	return w
}
