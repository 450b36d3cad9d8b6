package thread

import (
	"time"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Sleep blocks the calling goroutine for at least d (Rust: thread::sleep).
// Inside an async task it blocks the executor's worker too; use async.Sleep
// there to let other tasks run.
func Sleep(d time.Duration) {
	if rec.Enabled() {
		rec.Emit(rec.Sleep, rec.Begin, 0, 0, int64(d))
		defer rec.Emit(rec.Sleep, rec.End, 0, 0, int64(d))
	}
	time.Sleep(d)
}
