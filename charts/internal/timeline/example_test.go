package timeline_test

import (
	"fmt"
	"time"

	"github.com/fearless-go/fearless/charts/internal/timeline"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// Lay out a recording in which a worker waits 30µs for a lock main holds.
func Example() {
	lock := primitive.NewID(trace.MutexObject)
	at := func(us int) time.Duration { return time.Duration(us) * time.Microsecond }
	rec := &trace.Recording{
		Duration:   at(100),
		Goroutines: map[int64]string{1: "main", 2: "worker"},
		Objects:    map[uint64]trace.ObjectInfo{lock: {Kind: trace.MutexObject, Name: "A"}},
		Events: []trace.Event{
			{Time: at(10), G: 1, Kind: trace.Lock, Object: lock},
			{Time: at(20), G: 2, Kind: trace.LockWait, Phase: trace.Begin, Object: lock},
			{Time: at(50), G: 1, Kind: trace.Unlock, Object: lock},
			{Time: at(50), G: 2, Kind: trace.LockWait, Phase: trace.End, Object: lock},
			{Time: at(50), G: 2, Kind: trace.Lock, Object: lock},
			{Time: at(60), G: 2, Kind: trace.Unlock, Object: lock},
		},
	}
	m := timeline.Build(rec)
	for _, s := range m.Spans {
		fmt.Printf("%-6s %-16s %-3s %v-%v\n", m.Lanes[s.Lane].Name, s.State, s.What, s.Start, s.End)
	}
	// Output:
	// main   holding lock     A   10µs-50µs
	// worker waiting for lock A   20µs-50µs
	// worker holding lock     A   50µs-60µs
	// main   not blocked          0s-100µs
	// worker not blocked          50µs-60µs
}
