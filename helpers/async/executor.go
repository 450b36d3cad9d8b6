package async

import (
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// executor owns a fixed number of workers and hands them to tasks, first
// come, first served. It is the whole scheduler: each task runs on its own
// goroutine, and a worker is the permission to run user code.
type executor struct {
	id       uint64
	workers  int
	mu       sync.Mutex
	idle     []int         // workers nobody holds; the last one is handed out first
	ready    []*task       // tasks waiting for a worker, in the order they asked
	shutdown chan struct{} // closed when BlockOn's root task has finished
	tasks    sync.WaitGroup
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

// schedule gives t an idle worker, or queues t for the next one released.
// The worker reaches t through t.wake, which never holds more than one.
func (ex *executor) schedule(t *task) {
	ex.mu.Lock()
	if n := len(ex.idle); n > 0 {
		w := ex.idle[n-1]
		ex.idle = ex.idle[:n-1]
		t.wake <- w
		ex.changed()
	} else {
		ex.ready = append(ex.ready, t)
	}
	ex.mu.Unlock()
}

// handOff gives worker w to the task that has waited longest, or makes it idle.
func (ex *executor) handOff(w int) {
	ex.mu.Lock()
	if len(ex.ready) > 0 {
		t := ex.ready[0]
		ex.ready[0] = nil
		ex.ready = ex.ready[1:]
		t.wake <- w
		ex.changed()
	} else {
		ex.idle = append(ex.idle, w)
	}
	ex.mu.Unlock()
}

// unqueue takes t out of the ready queue. It reports false if t was not
// there, because a worker has been handed to it meanwhile.
func (ex *executor) unqueue(t *task) bool {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	for i, q := range ex.ready {
		if q == t {
			ex.ready = append(ex.ready[:i], ex.ready[i+1:]...)
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
