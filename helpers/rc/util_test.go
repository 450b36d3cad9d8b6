package rc_test

import (
	"reflect"
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
		msg, _ = r.(string)
		if err, ok := r.(error); ok {
			msg = err.Error()
		}
	}()
	f()
	return ""
}

// copyOf copies the struct *p, as user code might with b := *r. It goes
// through reflect because go vet rightly refuses the plain copy.
func copyOf[T any](p *T) *T {
	c := new(T)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(p).Elem())
	return c
}
