package primitive_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// A lock of your own shows on the timeline like a helper's.
func Example() {
	trace.Start()
	lock := primitive.NewID(trace.MutexObject)
	primitive.Label(lock, "my lock")
	primitive.Emit(trace.LockWait, trace.Begin, lock, 0, trace.ModeExclusive)
	primitive.Emit(trace.LockWait, trace.End, lock, 0, trace.ModeExclusive)
	primitive.Emit(trace.Lock, trace.Instant, lock, 0, 0)
	rec := trace.Stop()
	for _, e := range rec.Events {
		fmt.Println(e.Kind, e.Phase, rec.ObjectName(e.Object))
	}
	// Output:
	// lock-wait B my lock
	// lock-wait E my lock
	// lock i my lock
}
