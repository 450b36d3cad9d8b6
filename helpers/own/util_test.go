package own_test

import (
	"fmt"
	"runtime"
	"testing"
)

// mustPanic runs f and returns the message it panicked with.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("expected a panic")
		}
		msg = fmt.Sprint(r)
	}()
	f()
	return ""
}

// lineHere returns the line of its caller, plus delta.
func lineHere(delta int) int {
	_, _, line, _ := runtime.Caller(1)
	return line + delta
}
