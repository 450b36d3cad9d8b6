package testutil

import (
	"errors"
	"testing"

	"github.com/fearless-go/fearless/helpers/trace"
)

func TestPanicsReportsValueAndMessage(t *testing.T) {
	v, msg := Panics(t, func() { panic(errors.New("boom")) })
	if msg != "boom" || v.(error).Error() != "boom" {
		t.Fatalf("got %v, %q", v, msg)
	}
	if msg := MustPanic(t, func() { panic(42) }); msg != "42" {
		t.Fatalf("MustPanic(42) = %q", msg)
	}
	var inner testing.T
	Panics(&inner, func() {})
	if !inner.Failed() {
		t.Fatal("no panic did not fail the test")
	}
}

func TestAwaitEventsSeesAnotherGoroutine(t *testing.T) {
	Record(t)
	go trace.Mark("ready")
	AwaitEvents(0, trace.UserMark, trace.Instant, 1)
	if n := CountEvents(0, trace.UserMark, trace.Instant); n != 1 {
		t.Fatalf("CountEvents = %d", n)
	}
}
