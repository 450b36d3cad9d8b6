// Package testutil holds the few test helpers every helper package needs:
// catching an expected panic, recording one test, and waiting — without
// sleeping — until another goroutine has reached a recorded point.
package testutil

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Panics runs f and returns the value it panicked with and that value as a
// message (an error's Error(), else fmt.Sprint). A helper's misuse panic
// (*where.Misuse) gives its message without the location, which tests check
// on their own (see At). If f returns normally the test fails. It uses
// t.Error, so it may be called on any goroutine.
func Panics(t testing.TB, f func()) (value any, msg string) {
	t.Helper()
	defer func() {
		value = where.Fix(recover()) // a helper's hot-path panic finds its line here
		if value == nil {
			t.Error("expected a panic")
			return
		}
		if m, ok := value.(*where.Misuse); ok {
			msg = m.Msg
		} else if err, ok := value.(error); ok {
			msg = err.Error()
		} else {
			msg = fmt.Sprint(value)
		}
	}()
	f()
	return nil, ""
}

// MustPanic runs f and returns the message it panicked with.
func MustPanic(t testing.TB, f func()) string {
	t.Helper()
	_, msg := Panics(t, f)
	return msg
}

// At runs f, which must panic with a helper's misuse panic, and returns the
// location the panic names ("file_test.go:12" in a test).
func At(t testing.TB, f func()) string {
	t.Helper()
	v, msg := Panics(t, f)
	m, ok := v.(*where.Misuse)
	if !ok {
		t.Errorf("panic %q is not a misuse panic naming its location", msg)
		return ""
	}
	return m.At
}

// Modes runs f as four subtests, one per mode a helper can run in: the
// recorder off or on, times the deadlock checks off or on. Subtests run one
// after the other (the modes are process-wide).
func Modes(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	for _, m := range []struct {
		name          string
		record, check bool
	}{{"off", false, false}, {"recording", true, false}, {"checking", false, true}, {"both", true, true}} {
		t.Run(m.name, func(t *testing.T) {
			if m.record {
				Record(t)
			}
			was := engine.Enable(m.check)
			defer engine.Enable(was)
			f(t)
		})
	}
}

// Record starts a fresh recording for one test and stops it at the end.
func Record(t testing.TB, opts ...rec.Option) {
	t.Helper()
	if err := rec.Start(opts...); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rec.Stop() })
}

// CountEvents counts the recorded events of kind k and phase ph on object
// obj (any object if obj is 0).
func CountEvents(obj uint64, k rec.Kind, ph rec.Phase) int {
	n := 0
	for _, e := range rec.Snapshot().Events {
		if e.Kind == k && e.Phase == ph && (obj == 0 || e.Obj == obj) {
			n++
		}
	}
	return n
}

// AwaitEvents waits, without sleeping, until the recording holds n events of
// kind k and phase ph on object obj: the proof that another goroutine has
// reached that point (for a wait's Begin, that it is about to block).
func AwaitEvents(obj uint64, k rec.Kind, ph rec.Phase, n int) {
	for CountEvents(obj, k, ph) < n {
		runtime.Gosched()
	}
}

// CopyOf copies the struct *p, as user code might with b := *a. It goes
// through reflect because go vet rightly refuses the plain copy of a type
// that must not be copied — which is what the misuse tests need to do.
func CopyOf[T any](p *T) *T {
	c := new(T)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(p).Elem())
	return c
}
