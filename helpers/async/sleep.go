package async

import (
	"time"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Sleep pauses the current task for at least d and lets other tasks use its
// worker meanwhile (Rust: tokio::time::sleep(d).await). Compare thread.Sleep,
// which keeps the worker: with one worker, nothing else runs during it.
// To let other tasks run without waiting, use YieldNow. It panics outside a
// task.
func Sleep(d time.Duration) {
	t := mustCurrent("async.Sleep")
	if blockingSleep {
		// thread.Sleep's body: the worker is kept (see sleep_mutant.go).
		if rec.Enabled() {
			rec.Emit(rec.Sleep, rec.Begin, 0, 0, int64(d))
			defer rec.Emit(rec.Sleep, rec.End, 0, 0, int64(d))
		}
		time.Sleep(d)
		return
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	suspend(t, rec.Sleep, t.id, int64(d), timer.C)
}
