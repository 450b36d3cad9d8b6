package mpsc_test

import (
	"runtime"
	"testing"

	"github.com/fearless-go/fearless/helpers/trace"
)

// mustPanic runs f and returns the message it panicked with.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("expected a panic")
		}
		msg, _ = r.(string)
		if err, ok := r.(error); ok {
			msg = err.Error()
		}
	}()
	f()
	return ""
}

// record starts a fresh recording for one test and stops it at the end.
func record(t *testing.T) {
	t.Helper()
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { trace.Stop() })
}

// awaitEvent waits, without sleeping, until the recording holds an event of
// kind k and phase ph on object obj: the proof that another goroutine has
// reached that point (for a wait's Begin, that it is about to block).
func awaitEvent(obj uint64, k trace.Kind, ph trace.Phase) { awaitEvents(obj, k, ph, 1) }

// awaitEvents is awaitEvent for n such events, from n goroutines.
func awaitEvents(obj uint64, k trace.Kind, ph trace.Phase, n int) {
	for countEvents(obj, k, ph) < n {
		runtime.Gosched()
	}
}

func hasEvent(obj uint64, k trace.Kind, ph trace.Phase) bool { return countEvents(obj, k, ph) > 0 }

// countEvents counts the events so far of kind k and phase ph on obj.
func countEvents(obj uint64, k trace.Kind, ph trace.Phase) int {
	n := 0
	for _, e := range trace.Snapshot().Events {
		if e.Object == obj && e.Kind == k && e.Phase == ph {
			n++
		}
	}
	return n
}
