package rwlock_test

import (
	"testing"
	"time"
)

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
