package arc_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/trace"
)

// objectEvents returns the recording's events about obj, as "kind:value".
func objectEvents(rec *trace.Recording, obj uint64) (seq []string, events []trace.Event) {
	for _, e := range rec.Events {
		if e.Object == obj {
			seq = append(seq, fmt.Sprintf("%s:%d", e.Kind, e.Value))
			events = append(events, e)
		}
	}
	return seq, events
}

func TestRecorderSeesCountsAndFree(t *testing.T) {
	trace.Start()
	defer trace.Stop()
	var mark string
	a := arc.New(1, arc.OnDrop(func(int) { trace.Mark("drop function") }))
	b := a.Clone()
	c := b.Clone()
	b.Drop()
	a.Drop()
	c.Drop()
	rec := trace.Stop()
	seq, events := objectEvents(rec, a.TraceID())
	want := "clone:2 clone:3 drop:2 drop:1 drop:0 free:0"
	if got := strings.Join(seq, " "); got != want {
		t.Fatalf("events = %s\nwant     %s", got, want)
	}
	sites := []string{"b := a.Clone()", "c := b.Clone()", "b.Drop()", "a.Drop()", "c.Drop()", "c.Drop()"}
	for i, e := range events {
		if e.Site == nil || !strings.HasSuffix(e.Site.File, "record_test.go") || e.Site.Code != sites[i] {
			t.Fatalf("%s event has site %+v, want %q in record_test.go", e.Kind, e.Site, sites[i])
		}
	}
	// The drop function runs after the free is recorded.
	for _, e := range rec.Events {
		if e.Kind == trace.UserMark {
			mark = rec.ObjectName(e.Object)
			if e.Time < events[len(events)-1].Time {
				t.Fatal("the drop function ran before the free was recorded")
			}
		}
	}
	if mark != "drop function" {
		t.Fatalf("drop function's mark = %q", mark)
	}
}

// With many goroutines cloning and dropping while recording, the events in
// time order tell a consistent story: each one moves the count by one.
func TestRecordedCountsAreInOrder(t *testing.T) {
	trace.Start()
	defer trace.Stop()
	const goroutines, pairs = 4, 200
	a := arc.New("x")
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range goroutines {
		mine := a.Clone()
		wg.Go(func() {
			defer mine.Drop()
			<-start
			for range pairs {
				mine.Clone().Drop()
			}
		})
	}
	close(start)
	wg.Wait()
	a.Drop()
	rec := trace.Stop()
	_, events := objectEvents(rec, a.TraceID())
	// Each goroutine's clone and drop, its pairs, the last drop and the free.
	if n, want := len(events), 2*goroutines*(pairs+1)+2; n != want {
		t.Fatalf("%d events, want %d", n, want)
	}
	count := int64(1)
	for i, e := range events {
		switch e.Kind {
		case trace.RefClone:
			count++
		case trace.RefDrop:
			count--
		case trace.Free:
			if i != len(events)-1 || count != 0 {
				t.Fatalf("free at event %d with count %d", i, count)
			}
			continue
		}
		if e.Value != count {
			t.Fatalf("event %d (%s) says count %d, but the events before it add up to %d", i, e.Kind, e.Value, count)
		}
	}
}
