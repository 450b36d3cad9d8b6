package async

import "github.com/fearless-go/fearless/helpers/internal/engine"

// YieldNow is an await point that is ready at once (Rust:
// tokio::task::yield_now().await): the current task gives its worker to the
// task that has waited longest for one, if any, and goes to the back of the
// queue. Inside a Join it lets the other branches go first. A long stretch
// of code with no await point can call it between steps so that other tasks
// run there. It panics outside a task.
func YieldNow() {
	t := mustCurrent("async.YieldNow")
	t.release()
	if exploring() {
		engine.Point(t.id, engine.OpAccess, 0) // the explorer may run anyone here
	}
	t.sched.schedule(t)
	t.resume()
}
