package trace_test

import (
	"bytes"
	"io"
	"strconv"
	"sync"
	"testing"

	xtrace "golang.org/x/exp/trace"

	"github.com/fearless-go/fearless/helpers/trace"
)

func TestWithRuntimeCapturesParsableTraceWithClockMarks(t *testing.T) {
	record(t, trace.WithRuntime(0))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); mu.Lock(); trace.Mark("work"); mu.Unlock() }()
	}
	wg.Wait()
	if err := trace.Start(trace.WithRuntime(0)); err != nil {
		// A second Start stops the first recording (and its runtime trace) first,
		// so this must succeed.
		t.Fatalf("restarting with a runtime trace: %v", err)
	}
	rec := trace.Stop()
	if len(rec.Runtime) == 0 {
		t.Fatal("no runtime trace captured")
	}
	r, err := xtrace.NewReader(bytes.NewReader(rec.Runtime))
	if err != nil {
		t.Fatal(err)
	}
	var marks []int64
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if ev.Kind() == xtrace.EventLog && ev.Log().Category == trace.ClockCategory {
			n, err := strconv.ParseInt(ev.Log().Message, 10, 64)
			if err != nil {
				t.Fatalf("clock mark %q: %v", ev.Log().Message, err)
			}
			marks = append(marks, n)
		}
	}
	if len(marks) != 2 || marks[1] < marks[0] {
		t.Fatalf("clock marks = %v, want a start and a later stop mark", marks)
	}
}

func TestRuntimeTraceBusy(t *testing.T) {
	record(t, trace.WithRuntime(0))
	trace.Stop()
	// With no recording, the runtime tracer is free again.
	record(t, trace.WithRuntime(0))
}
