package rwlock_test

import (
	"testing"
	"time"
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

// within fails the test if done is not closed within a generous time. It
// is a guard against a hang when the lock is broken, not a way to wait for
// another goroutine to reach some point.
func within(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatalf("timed out: %s", what)
	}
}
