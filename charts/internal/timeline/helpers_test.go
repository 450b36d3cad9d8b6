package timeline_test

import (
	"time"

	"github.com/fearless-go/fearless/charts/internal/timeline"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// ev is a compact way to write an event: at t µs, goroutine g.
func ev(tUS int64, g int64, k trace.Kind, ph trace.Phase, obj uint64) trace.Event {
	return trace.Event{Time: time.Duration(tUS) * time.Microsecond, G: g, Kind: k, Phase: ph, Object: obj}
}

func withMsg(e trace.Event, msg uint64) trace.Event { e.Msg = msg; return e }
func withVal(e trace.Event, v int64) trace.Event    { e.Value = v; return e }

// recording makes a recording of hand-written events lasting durUS µs.
func recording(durUS int64, names map[int64]string, events ...trace.Event) *trace.Recording {
	if names == nil {
		names = map[int64]string{}
	}
	return &trace.Recording{
		Duration:   time.Duration(durUS) * time.Microsecond,
		Events:     events,
		Goroutines: names,
		Objects:    map[uint64]trace.ObjectInfo{},
	}
}

// spansOf returns the spans of a state on a lane.
func spansOf(m *timeline.Model, lane string, s timeline.State) []timeline.Span {
	i := m.LaneIndex(lane)
	var out []timeline.Span
	for _, sp := range m.Spans {
		if sp.Lane == i && sp.State == s {
			out = append(out, sp)
		}
	}
	return out
}

func us(n int64) time.Duration { return time.Duration(n) * time.Microsecond }

// ids used by the hand-written recordings.
var (
	mutexA  = primitive.NewID(trace.MutexObject)
	mutexB  = primitive.NewID(trace.MutexObject)
	rw      = primitive.NewID(trace.RwLockObject)
	chanJob = primitive.NewID(trace.ChannelObject)
	thread1 = primitive.NewID(trace.ThreadObject)
	thread2 = primitive.NewID(trace.ThreadObject)
	task1   = primitive.NewID(trace.TaskObject)
	task2   = primitive.NewID(trace.TaskObject)
	exec1   = primitive.NewID(trace.ExecutorObject)
)
