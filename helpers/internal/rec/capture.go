package rec

import (
	"cmp"
	"slices"
	"time"
)

// Capture is what a recording holds, before helpers/trace resolves it into a
// trace.Recording: raw events in time order and what was lost.
type Capture struct {
	Started   time.Time
	Duration  time.Duration // from start to the snapshot
	Events    []Raw
	Capacity  int
	Dropped   uint64
	DroppedBy map[int64]int64 // goroutine -> events of it dropped
	Runtime   []byte          // the runtime's execution trace, if WithRuntime
}

func (r *recorder) snapshot() *Capture {
	raw, droppedBy := r.buf.collect()
	slices.SortStableFunc(raw, func(a, b Raw) int { return cmp.Compare(a.Time, b.Time) })
	return &Capture{
		Started:   r.epoch,
		Duration:  time.Since(r.epoch),
		Events:    raw,
		Capacity:  r.capacity,
		Dropped:   r.buf.dropped.Load(),
		DroppedBy: droppedBy,
	}
}
