package async

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// suspend is an await point: the task gives its worker back, waits until
// ready delivers, and takes a worker again before it goes on.
func suspend[C any](t *task, kind rec.Kind, obj uint64, val int64, ready <-chan C) {
	t.release()
	wait(t, kind, obj, val, ready)
	t.sched.schedule(t)
	t.resume()
}

// wait blocks the task, which holds no worker, until ready delivers, and
// records the wait as a kind span on its lane. If the executor shuts down
// first, the task is cancelled. A Join wait is shown to the deadlock checker
// as waiting for task obj.
func wait[C any](t *task, kind rec.Kind, obj uint64, val int64, ready <-chan C) {
	if exploreWait(t, kind, obj) {
		return
	}
	joining := kind == rec.Join && hook.Checking()
	if joining {
		engine.BeforeJoin(obj) // panics instead of waiting forever
	}
	recording := rec.Enabled()
	if recording {
		rec.Emit(kind, rec.Begin, obj, 0, val)
	}
	cancelled := false
	select {
	case <-ready:
	case <-t.ex.shutdown:
		cancelled = true
	}
	if joining {
		engine.AfterWait()
	}
	if recording {
		rec.Emit(kind, rec.End, obj, 0, val)
	}
	if cancelled {
		t.cancel()
	}
}
