package thread_test

import (
	"runtime"

	"github.com/fearless-go/fearless/helpers/trace"
)

// waitForEvent yields until the recording holds an event of kind k and
// phase p on object obj (0: any object). It waits on the recorder, not on
// the clock: the event is the signal.
func waitForEvent(k trace.Kind, p trace.Phase, obj uint64) {
	for {
		for _, e := range trace.Snapshot().Events {
			if e.Kind == k && e.Phase == p && (obj == 0 || e.Object == obj) {
				return
			}
		}
		runtime.Gosched()
	}
}

// lineHere returns the line of its caller, plus delta.
func lineHere(delta int) int {
	_, _, line, _ := runtime.Caller(1)
	return line + delta
}
