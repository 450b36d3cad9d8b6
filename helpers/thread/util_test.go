package thread_test

import (
	"runtime"
	"testing"

	"github.com/fearless-go/fearless/helpers/trace"
)

// mustPanic runs f and returns what it panicked with, as a message.
func mustPanic(t *testing.T, f func()) (value any, msg string) {
	t.Helper()
	defer func() {
		value = recover()
		if value == nil {
			t.Fatal("expected a panic")
		}
		msg, _ = value.(string)
		if err, ok := value.(error); ok {
			msg = err.Error()
		}
	}()
	f()
	return nil, ""
}

// record starts a fresh recording for one test and stops it at the end.
func record(t *testing.T) {
	t.Helper()
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { trace.Stop() })
}

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
