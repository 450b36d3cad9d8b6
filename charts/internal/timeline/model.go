package timeline

import (
	"time"

	"github.com/fearless-go/fearless/helpers/trace"
)

// Model is a recording laid out on lanes.
type Model struct {
	Duration time.Duration // of the recording: every lane ends by then
	Lanes    []Lane
	Spans    []Span  // in the order they ended
	Points   []Point // in time order
	Arrows   []Arrow
	Events   int    // events in the recording
	Dropped  uint64 // events the recorder could not keep (its buffer was full)
	Notes    []string
}

// LaneKind says what a lane stands for.
type LaneKind uint8

// The kinds of lanes.
const (
	GoroutineLane LaneKind = iota // a goroutine (a thread, main, or a raw goroutine)
	WorkerLane                    // a worker of an async executor, or a thread of its blocking pool
)

// Lane is one row of the timeline.
type Lane struct {
	Name     string
	Kind     LaneKind
	G        int64 // the goroutine, for a GoroutineLane
	Worker   int64 // the worker index, for a WorkerLane; -1-k for blocking thread k
	Start    time.Duration
	End      time.Duration // when the lane stopped (finished, or the recording's end)
	Finished bool          // the thread returned (or panicked) before the recording stopped
	Panicked bool
	Stuck    bool                     // a wait on this lane never ended
	TimeIn   [NumStates]time.Duration // time spent in each state
}

// Span is a stretch of time a lane spent in one state. Holding and UserSpan
// spans overlap the lane's other spans; the others do not overlap each
// other on one lane.
type Span struct {
	Lane       int
	State      State
	Start, End time.Duration
	Object     uint64 // the lock, channel, thread, task or span name involved
	What       string // "lock A", "send on jobs", "task 3"
	Site       *trace.Site
	Stuck      bool // it never ended: the recording stopped first
}

// Point is an instant event on a lane.
type Point struct {
	Lane   int
	Time   time.Duration
	Kind   trace.Kind
	Object uint64
	What   string // "lock A", "sent #3 on jobs"
	Site   *trace.Site
}

// ArrowKind says what an arrow links.
type ArrowKind uint8

// The kinds of arrows.
const (
	MessageArrow ArrowKind = iota // a send to its receive
	SpawnArrow                    // a spawn to the start of the thread it made
	JoinArrow                     // a thread's end to the join that waited for it
)

// String returns the arrow kind's name.
func (k ArrowKind) String() string {
	switch k {
	case MessageArrow:
		return "message"
	case SpawnArrow:
		return "spawn"
	case JoinArrow:
		return "join"
	}
	return "arrow"
}

// Arrow links a point on one lane to a later point on another.
type Arrow struct {
	Kind     ArrowKind
	FromLane int
	From     time.Duration
	ToLane   int
	To       time.Duration
	Object   uint64 // the channel or thread
	What     string
}

// LaneIndex returns the index of the first lane with the given name, or -1.
func (m *Model) LaneIndex(name string) int {
	for i, l := range m.Lanes {
		if l.Name == name {
			return i
		}
	}
	return -1
}
