package trace_test

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// record starts a fresh recording for one test and stops it at the end.
func record(t *testing.T, opts ...trace.Option) {
	t.Helper()
	if err := trace.Start(opts...); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { trace.Stop() })
}

func TestOffByDefaultInTests(t *testing.T) {
	if trace.Enabled() {
		t.Fatal("recording is on in a test without FEARLESS_TRACE or GoNB")
	}
	primitive.Emit(trace.Lock, trace.Instant, 1, 0, 0)
	if n := len(trace.Snapshot().Events); n != 0 {
		t.Fatalf("Snapshot without a recording has %d events", n)
	}
}

func TestEmitRecordsEventWithCallSite(t *testing.T) {
	record(t)
	id := primitive.NewID(trace.MutexObject)
	_, _, line, _ := runtime.Caller(0)
	primitive.Emit(trace.Lock, trace.Instant, id, 7, 42)
	rec := trace.Stop()
	if len(rec.Events) != 1 {
		t.Fatalf("got %d events, want 1", len(rec.Events))
	}
	e := rec.Events[0]
	if e.Kind != trace.Lock || e.Phase != trace.Instant || e.Object != id || e.Msg != 7 || e.Value != 42 {
		t.Fatalf("event = %+v", e)
	}
	if e.Site == nil || e.Site.Line != line+1 || !strings.HasSuffix(e.Site.File, "recorder_test.go") {
		t.Fatalf("site = %+v, want recorder_test.go:%d", e.Site, line+1)
	}
	if !strings.Contains(e.Site.Code, "primitive.Emit(trace.Lock") {
		t.Fatalf("site code = %q", e.Site.Code)
	}
	if rec.Objects[id].Kind != trace.MutexObject || rec.ObjectName(id) != primitive.DefaultName(id) {
		t.Fatalf("objects = %+v", rec.Objects)
	}
}

func TestCapacityBoundsMemoryAndCountsDrops(t *testing.T) {
	record(t, trace.Capacity(2048))
	for range 5000 {
		primitive.Emit(trace.UserMark, trace.Instant, 0, 0, 0)
	}
	rec := trace.Stop()
	if len(rec.Events) != 2048 || rec.Dropped != 5000-2048 {
		t.Fatalf("kept %d, dropped %d; want 2048 and %d", len(rec.Events), rec.Dropped, 5000-2048)
	}
}

// Property: N goroutines × M events each are all recorded exactly once, and
// each goroutine's events keep their order.
func TestConcurrentEmitKeepsEveryEventInOrder(t *testing.T) {
	const goroutines, perG = 8, 2000
	record(t)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perG {
				primitive.Emit(trace.UserMark, trace.Instant, uint64(g+1), uint64(i), 0)
			}
		}()
	}
	wg.Wait()
	rec := trace.Stop()
	if len(rec.Events) != goroutines*perG || rec.Dropped != 0 {
		t.Fatalf("got %d events (%d dropped), want %d", len(rec.Events), rec.Dropped, goroutines*perG)
	}
	next := map[uint64]uint64{}
	var last trace.Event
	for i, e := range rec.Events {
		if i > 0 && e.Time < last.Time {
			t.Fatalf("event %d at %v before previous at %v", i, e.Time, last.Time)
		}
		if e.Msg != next[e.Object] {
			t.Fatalf("goroutine %d: event %d out of order (want %d)", e.Object, e.Msg, next[e.Object])
		}
		next[e.Object]++
		last = e
	}
}

func TestSpanMarkAndNames(t *testing.T) {
	record(t)
	done := make(chan int64)
	go func() {
		trace.NameGoroutine("poller")
		defer trace.Span("poll").End()
		trace.Mark("tick")
		done <- 0
	}()
	<-done
	rec := trace.Stop()
	var kinds []string
	for _, e := range rec.Events {
		kinds = append(kinds, e.Kind.String()+e.Phase.String()+":"+rec.ObjectName(e.Object)+"@"+rec.GoroutineName(e.G))
	}
	// The span's End may or may not be recorded before Stop: only check what
	// happened before the channel send.
	want := []string{"spanB:poll@poller", "marki:tick@poller"}
	if len(kinds) < 2 || kinds[0] != want[0] || kinds[1] != want[1] {
		t.Fatalf("events = %v, want prefix %v", kinds, want)
	}
}

func TestMainGoroutineIsNamedMain(t *testing.T) {
	if name, ok := primitive.GoroutineName(1); !ok || name != "main" {
		t.Fatalf("goroutine 1 is %q, want main", name)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	record(t)
	m := primitive.NewID(trace.ChannelObject)
	primitive.Label(m, "jobs")
	primitive.Emit(trace.RecvWait, trace.Begin, m, 0, 0)
	primitive.Emit(trace.RecvWait, trace.End, m, 0, 0)
	primitive.Emit(trace.Recv, trace.Instant, m, 3, 0)
	rec := trace.Stop()
	var buf bytes.Buffer
	if err := rec.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"recv-wait"`, `"ph":"B"`, `"name":"jobs"`, `"kind":"channel"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, buf.String())
		}
	}
	back, err := trace.ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Events) != 3 || back.Events[2].Kind != trace.Recv || back.Events[0].Phase != trace.Begin ||
		back.ObjectName(m) != "jobs" || back.Objects[m].Kind != trace.ChannelObject {
		t.Fatalf("round trip lost data: %+v", back)
	}
	if _, err := trace.ReadJSON(strings.NewReader(`{"events":[{"kind":"nonsense"}]}`)); err == nil {
		t.Fatal("ReadJSON accepted an unknown kind")
	}
}

func TestResetDiscardsEvents(t *testing.T) {
	record(t)
	trace.Mark("before")
	trace.Reset()
	trace.Mark("after")
	rec := trace.Stop()
	if len(rec.Events) != 1 || rec.ObjectName(rec.Events[0].Object) != "after" {
		t.Fatalf("events after Reset = %+v", rec.Events)
	}
}

func TestKindNamesAreUniqueAndParse(t *testing.T) {
	seen := map[string]bool{}
	for k := trace.ThreadRun; k <= trace.LockOrder; k++ {
		name := k.String()
		if strings.HasPrefix(name, "kind(") || seen[name] {
			t.Fatalf("kind %d has name %q (missing or duplicate)", k, name)
		}
		seen[name] = true
		var back trace.Kind
		if err := back.UnmarshalText([]byte(name)); err != nil || back != k {
			t.Fatalf("kind %q does not parse back", name)
		}
	}
}
