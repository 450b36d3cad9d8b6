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
	timer := time.NewTimer(d)
	defer timer.Stop()
	suspend(t, rec.Sleep, t.id, int64(d), timer.C)
}
