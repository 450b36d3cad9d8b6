package async

import (
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync/atomic"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Handle is the way to wait for a spawned task and get its result (Rust:
// tokio::task::JoinHandle).
type Handle[T any] struct {
	t       *task
	val     T // set before t.done closes
	awaited atomic.Bool
}

// Spawn starts f as a new task on the current task's executor and returns at
// once (Rust: tokio::spawn). The task runs concurrently with the spawner,
// and in parallel with it when the executor has a free worker: it waits for
// one, so with one worker it starts at the spawner's next await point. This
// is the way to use several workers (Join does not). Spawn panics outside a
// task.
func Spawn[T any](f *Future[T]) *Handle[T] {
	t := current()
	if t == nil {
		panic(where.Refuse(msgSpawnOutside))
	}
	fn := f.consume(useSpawn)
	h := newHandle[T](t.ex)
	h.start(fn)
	return h
}

// newHandle makes a task on ex, not started yet, and its handle.
func newHandle[T any](ex *executor) *Handle[T] { return &Handle[T]{t: newTask(ex)} }

// start schedules the task and starts its goroutine. Scheduling here, on the
// spawner's goroutine, keeps tasks in the order they were spawned.
func (h *Handle[T]) start(fn func() T) { start(h.t, func() { h.val = fn() }) }

// start schedules t and starts its goroutine, which runs body.
func start(t *task, body func()) {
	if rec.Enabled() {
		rec.Emit(rec.TaskSpawn, rec.Instant, t.id, 0, int64(t.ex.id))
	}
	t.ex.tasks.Add(1)
	t.sched.schedule(t)
	t.spawned()
	go t.run(body)
}

// Await waits for the task to finish and returns its result (Rust: awaiting
// a JoinHandle). The current task gives up its worker while it waits. If the
// task panicked, the error is a *thread.PanicError with the panic's value and
// stack; if it was cancelled, ErrCancelled. Await panics outside a task and
// when called twice.
func (h *Handle[T]) Await() (T, error) {
	t := mustCurrent("Handle.Await")
	if h == nil || h.t == nil {
		panic(where.Refuse(msgNilHandle))
	}
	if h.t == t {
		panic(where.Refuse(msgOwnHandle))
	}
	if !h.awaited.CompareAndSwap(false, true) {
		panic(where.Refuse(msgHandleTwice))
	}
	select {
	case <-h.t.done: // finished already: no need to give the worker up
	default:
		suspend(t, rec.Join, h.t.id, 0, h.t.done)
	}
	if h.t.err != nil {
		var zero T
		return zero, h.t.err
	}
	return h.val, nil
}

// TraceID returns the task's id in recordings (see helpers/trace), or 0 for
// a handle that did not come from Spawn.
func (h *Handle[T]) TraceID() uint64 {
	if h == nil || h.t == nil {
		return 0
	}
	return h.t.id
}
