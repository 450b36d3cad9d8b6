package thread_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// siteOf formats an event's call site as file:line.
func siteOf(e trace.Event) string {
	if e.Site == nil {
		return "<none>"
	}
	return fmt.Sprintf("%s:%d", e.Site.File[strings.LastIndexByte(e.Site.File, '/')+1:], e.Site.Line)
}

// The thread starts, marks, and waits until its parent is recorded as
// joining it: so the order of every event is fixed.
func TestRecorderSeesSpawnRunAndJoin(t *testing.T) {
	testutil.Record(t)
	started := make(chan struct{})
	ids := make(chan uint64, 1)
	work := func() int {
		trace.Mark("working")
		close(started)
		waitForEvent(trace.Join, trace.Begin, <-ids)
		return 7
	}
	spawnLine := lineHere(1)
	h := thread.Spawn(work, thread.Name("worker"))
	ids <- h.TraceID()
	<-started
	joinLine := lineHere(1)
	v, err := h.Join()
	rec := trace.Stop()
	if v != 7 || err != nil {
		t.Fatalf("Join = %d, %v", v, err)
	}
	var got []string
	for _, e := range rec.Events {
		if e.Object == h.TraceID() || e.Kind == trace.UserMark {
			got = append(got, fmt.Sprintf("%s%s@%s@%s", e.Kind, e.Phase, rec.GoroutineName(e.G), siteOf(e)))
		}
	}
	me := rec.GoroutineName(thread.Current().ID)
	spawn, join := fmt.Sprintf("record_test.go:%d", spawnLine), fmt.Sprintf("record_test.go:%d", joinLine)
	want := []string{
		"spawni@" + me + "@" + spawn,
		"threadB@worker@" + spawn,
		"marki@worker@" + fmt.Sprintf("record_test.go:%d", spawnLine-6), // the trace.Mark line in work
		"joinB@" + me + "@" + join,
		"threadE@worker@" + spawn,
		"joinE@" + me + "@" + join,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rec.ObjectName(h.TraceID()) != "worker" || primitive.KindOf(h.TraceID()) != trace.ThreadObject {
		t.Fatalf("thread object %q of kind %v", rec.ObjectName(h.TraceID()), primitive.KindOf(h.TraceID()))
	}
}

func TestRecorderSeesAPanic(t *testing.T) {
	testutil.Record(t)
	panicLine := lineHere(1)
	h := thread.Go(func() { panic("recorded") })
	h.Join()
	rec := trace.Stop()
	var child, parent []string
	var threadEnd, joinEnd time.Duration
	for _, e := range rec.Events {
		if e.Object != h.TraceID() {
			continue
		}
		s := e.Kind.String() + e.Phase.String()
		if e.Kind == trace.Panic {
			s += "@" + siteOf(e)
		}
		if e.G == thread.Current().ID {
			parent = append(parent, s)
		} else {
			child = append(child, s)
		}
		switch {
		case e.Kind == trace.ThreadRun && e.Phase == trace.End:
			threadEnd = e.Time
		case e.Kind == trace.Join && e.Phase == trace.End:
			joinEnd = e.Time
		}
	}
	wantChild := fmt.Sprintf("threadB panici@record_test.go:%d threadE", panicLine)
	if got := strings.Join(child, " "); got != wantChild {
		t.Errorf("thread's events = %s, want %s", got, wantChild)
	}
	if got := strings.Join(parent, " "); got != "spawni joinB joinE" {
		t.Errorf("parent's events = %s", got)
	}
	if joinEnd < threadEnd {
		t.Errorf("join ended at %v, before the thread ended at %v", joinEnd, threadEnd)
	}
}

func TestSleepIsRecorded(t *testing.T) {
	testutil.Record(t)
	line := lineHere(1)
	thread.Sleep(time.Millisecond)
	rec := trace.Stop()
	var got []string
	for _, e := range rec.Events {
		got = append(got, fmt.Sprintf("%s%s %v %s", e.Kind, e.Phase, time.Duration(e.Value), siteOf(e)))
	}
	at := fmt.Sprintf("record_test.go:%d", line)
	if want := "sleepB 1ms " + at + ", sleepE 1ms " + at; strings.Join(got, ", ") != want {
		t.Fatalf("events = %v, want %s", got, want)
	}
	if rec.Duration < time.Millisecond {
		t.Fatalf("slept less than 1ms: %v", rec.Duration)
	}
}
