package async

import (
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// executor owns a fixed number of workers and hands them out, first come,
// first served. It is the whole scheduler: each task runs on its own
// goroutine, and a worker is the permission to run user code. Blocking jobs
// (SpawnBlocking) run on its blocking pool instead, outside the workers.
type executor struct {
	id       uint64
	workers  int
	mu       sync.Mutex
	idle     []int         // workers nobody holds; the last one is handed out first
	ready    []waiter      // tasks (and Joins) waiting for a worker, in the order they asked
	shutdown chan struct{} // closed when BlockOn's root task has finished
	tasks    sync.WaitGroup
	pool     pool
}

// A waiter is what waits for a worker: a task, or a Join whose branches
// need their task's worker back.
type waiter interface{ give(w int) }

// slots is where a task gets a worker from and gives it back: the executor
// for a task, the Join for one of its branches.
type slots interface {
	schedule(x waiter)     // hand x a worker now, or queue it for the next one
	handOff(w int)         // give w back: to the longest waiter, or idle
	unqueue(x waiter) bool // take x out of the queue; false if a worker was handed to it meanwhile
}

func newExecutor(workers int) *executor {
	ex := &executor{
		id:       rec.NewID(rec.ExecutorObject),
		workers:  workers,
		idle:     make([]int, workers),
		shutdown: make(chan struct{}),
	}
	for i := range ex.idle {
		ex.idle[i] = workers - 1 - i // worker 0 is handed out first
	}
	return ex
}

// schedule gives x an idle worker, or queues x for the next one released.
// The worker is handed over after the executor's lock is let go, so that a
// Join receiving it may ask for its own lock.
func (ex *executor) schedule(x waiter) {
	ex.mu.Lock()
	n := len(ex.idle)
	if n == 0 {
		ex.ready = append(ex.ready, x)
		ex.mu.Unlock()
		return
	}
	w := ex.idle[n-1]
	ex.idle = ex.idle[:n-1]
	ex.mu.Unlock()
	x.give(w)
	ex.changed()
}

// handOff gives worker w to the waiter that has waited longest, or makes it idle.
func (ex *executor) handOff(w int) {
	ex.mu.Lock()
	if len(ex.ready) == 0 {
		ex.idle = append(ex.idle, w)
		ex.mu.Unlock()
		return
	}
	x := ex.ready[0]
	ex.ready[0] = nil
	ex.ready = ex.ready[1:]
	ex.mu.Unlock()
	x.give(w)
	ex.changed()
}

// unqueue takes x out of the ready queue. It reports false if x was not
// there, because a worker has been handed to it meanwhile.
func (ex *executor) unqueue(x waiter) bool {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	return remove(&ex.ready, x)
}

// remove deletes x from q and reports whether it was there.
func remove[W comparable](q *[]W, x W) bool {
	for i, y := range *q {
		if y == x {
			*q = append((*q)[:i], (*q)[i+1:]...)
			return true
		}
	}
	return false
}

// shutDown cancels every other task at its next await point. The root task
// calls it as it finishes, before it gives back its worker, so no task runs
// user code after the root is done.
func (ex *executor) shutDown() {
	close(ex.shutdown)
	ex.pool.close()
	ex.changed()
}

// closed reports whether the executor has shut down.
func (ex *executor) closed() bool {
	select {
	case <-ex.shutdown:
		return true
	default:
		return false
	}
}
