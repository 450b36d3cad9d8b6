package trace_test

import (
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func emit(n int) {
	for range n {
		primitive.Emit(trace.UserMark, trace.Instant, 0, 0, 0)
	}
}

// A small capacity keeps exactly that many events.
func TestCapacityIsExact(t *testing.T) {
	for _, capacity := range []int{1, 10, 1000, 5000} {
		record(t, trace.Capacity(capacity))
		emit(capacity + 7)
		rec := trace.Stop()
		if len(rec.Events) != capacity || rec.Dropped != 7 {
			t.Errorf("capacity %d: kept %d, dropped %d", capacity, len(rec.Events), rec.Dropped)
		}
	}
}

// Below capacity nothing is dropped, however many goroutines record.
func TestNoGoroutineLosesItsLaneBelowCapacity(t *testing.T) {
	record(t, trace.Capacity(10_000))
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() { emit(100) })
	}
	wg.Wait()
	rec := trace.Stop()
	lanes := map[int64]int{}
	for _, e := range rec.Events {
		lanes[e.G]++
	}
	if rec.Dropped != 0 || len(rec.Events) != 6400 || len(lanes) != 64 {
		t.Fatalf("kept %d events on %d lanes, dropped %d", len(rec.Events), len(lanes), rec.Dropped)
	}
	for g, n := range lanes {
		if n != 100 {
			t.Errorf("goroutine %d kept %d of its 100 events", g, n)
		}
	}
}

// Past capacity, a goroutine that came too late is still known: its dropped
// events are counted under its id, so charts can show its lane.
func TestLateGoroutineIsCountedWhenDropped(t *testing.T) {
	record(t, trace.Capacity(100))
	emit(150)
	done := make(chan struct{})
	go func() {
		defer close(done)
		trace.NameGoroutine("late")
		emit(5)
	}()
	<-done
	rec := trace.Stop()
	if len(rec.Events) != 100 || rec.Dropped != 55 || len(rec.DroppedBy) != 2 {
		t.Fatalf("kept %d, dropped %d, by %v", len(rec.Events), rec.Dropped, rec.DroppedBy)
	}
	found := false
	for g, n := range rec.DroppedBy {
		if rec.Goroutines[g] == "late" && n == 5 {
			found = true
		}
	}
	if !found {
		t.Fatalf("the late goroutine is not named among the dropped: %v %v", rec.DroppedBy, rec.Goroutines)
	}
}
