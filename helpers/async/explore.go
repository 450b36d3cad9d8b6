package async

import (
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Under the schedule explorer (helpers/explore) every task is a controlled
// thread: it runs only on its turn, and its waits for a worker, for another
// task and for BlockOn's end are scheduling points instead of Go waits. An
// async Sleep is a scheduling point that takes no time, as in shuttle: the
// explorer tries every order anyway.

func exploring() bool { return hook.Flags.Load()&hook.Explore != 0 }

// tasksOf lists, per executor, the tasks spawned while exploring, so that
// BlockOn can wait for each in turn.
var tasksOf sync.Map // executor id -> *[]uint64

// spawned tells the explorer about a task whose goroutine is about to start.
func (t *task) spawned() {
	if !exploring() {
		return
	}
	engine.Spawned(t.id, rec.ObjectName(t.id))
	ids, _ := tasksOf.LoadOrStore(t.ex.id, new([]uint64))
	*ids.(*[]uint64) = append(*ids.(*[]uint64), t.id) // only the running thread spawns
}

// changed tells tasks waiting for a worker that the executor changed.
func (ex *executor) changed() {
	if exploring() {
		engine.Wake(ex.id)
	}
}

// awaitWorker lets other threads run until a worker is handed to t or the
// executor shuts down, so the select that follows does not block.
func (t *task) awaitWorker() {
	if exploring() {
		for len(t.wake) == 0 && !t.ex.closed() {
			engine.Point(t.ex.id, engine.OpWait, 0)
		}
	}
}

// exploreWait is an await point's wait under the explorer: joining a task
// waits for the task's turn to end; a Sleep takes no time. It reports
// whether the wait is over.
func exploreWait(t *task, kind rec.Kind, obj uint64) bool {
	if !exploring() {
		return false
	}
	switch kind {
	case rec.Join:
		engine.Point(obj, engine.OpJoin, 0)
	case rec.Sleep:
		engine.Point(t.id, engine.OpAccess, 0)
		return !t.ex.closed()
	}
	return false
}

// joinPoint waits, under the explorer, until task id has ended.
func joinPoint(id uint64) {
	if exploring() {
		engine.Point(id, engine.OpJoin, 0)
	}
}

// joinAll waits, under the explorer, until every task of ex has ended
// (those cancelled at shut-down need turns to unwind).
func (ex *executor) joinAll() {
	if !exploring() {
		return
	}
	if ids, ok := tasksOf.LoadAndDelete(ex.id); ok {
		for _, id := range *ids.(*[]uint64) {
			engine.Point(id, engine.OpJoin, 0)
		}
	}
}
