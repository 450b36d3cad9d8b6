package rwlock_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/rwlock"
	"github.com/fearless-go/fearless/helpers/trace"
)

// waitForWaits yields until n lock waits on obj have begun.
func waitForWaits(obj uint64, n int) {
	for {
		seen := 0
		for _, e := range trace.Snapshot().Events {
			if e.Object == obj && e.Kind == trace.LockWait && e.Phase == trace.Begin {
				seen++
			}
		}
		if seen >= n {
			return
		}
		runtime.Gosched()
	}
}

func TestRecorderSeesReadsWritesAndWaits(t *testing.T) {
	trace.Start()
	defer trace.Stop()
	l := rwlock.New(0)
	trace.Label(l, "cache")

	// A writer waits for a reader.
	r, _ := l.Read()
	done := make(chan struct{})
	go func() {
		defer close(done)
		w, _ := l.Write()
		w.Set(1)
		w.Unlock()
	}()
	waitForWaits(l.TraceID(), 1)
	r.Unlock()
	<-done

	// A reader waits for a writer.
	w, _ := l.Write()
	done = make(chan struct{})
	go func() {
		defer close(done)
		r, _ := l.Read()
		r.Get()
		r.Unlock()
	}()
	waitForWaits(l.TraceID(), 2)
	w.Unlock()
	<-done

	// Try variants, and a writer that panics.
	r, _ = l.TryRead()
	r.Unlock()
	w, _ = l.TryWrite()
	w.Unlock()
	panicIn(func() {
		w, _ := l.Write()
		defer w.Unlock()
		panic("boom")
	})

	rec := trace.Stop()
	var seq []string
	var modes []int64
	for _, e := range rec.Events {
		if e.Object != l.TraceID() {
			continue
		}
		seq = append(seq, e.Kind.String()+e.Phase.String())
		if e.Kind == trace.LockWait {
			modes = append(modes, e.Value)
		}
		if e.Site == nil || !strings.HasSuffix(e.Site.File, "recorder_test.go") {
			t.Errorf("%s%s event has site %+v, want a line in recorder_test.go", e.Kind, e.Phase, e.Site)
		}
	}
	want := "rlocki lock-waitB runlocki lock-waitE locki unlocki " +
		"locki lock-waitB unlocki lock-waitE rlocki runlocki " +
		"rlocki runlocki locki unlocki " +
		"locki poisoni unlocki"
	if got := strings.Join(seq, " "); got != want {
		t.Fatalf("events = %s\nwant     %s", got, want)
	}
	x, s := int64(trace.ModeExclusive), int64(trace.ModeShared)
	if len(modes) != 4 || modes[0] != x || modes[1] != x || modes[2] != s || modes[3] != s {
		t.Errorf("lock-wait modes = %v, want [%d %d %d %d] (a write wait, then a read wait)", modes, x, x, s, s)
	}
	if rec.ObjectName(l.TraceID()) != "cache" || rec.Objects[l.TraceID()].Kind != trace.RwLockObject {
		t.Fatalf("object = %+v", rec.Objects[l.TraceID()])
	}
}

// With the recorder on, a read lock released by a reader that died holding
// it (checks on) still ends with an RUnlock event, so its hold ends on the
// timeline.
func TestRecorderSeesAbandonedLocks(t *testing.T) {
	trace.Start()
	defer trace.Stop()
	l := rwlock.New(0)
	dieHolding(func() { l.Read() })
	dieHolding(func() { l.Write() })
	var seq []string
	for _, e := range trace.Stop().Events {
		if e.Object == l.TraceID() {
			seq = append(seq, e.Kind.String())
		}
	}
	if got, want := strings.Join(seq, " "), "rlock runlock lock poison unlock"; got != want {
		t.Fatalf("events = %s, want %s", got, want)
	}
}
