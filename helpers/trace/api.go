package trace

import (
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Option configures a recording (Capacity, WithRuntime).
type Option = rec.Option

// Object is implemented by every helper type that appears on a timeline.
type Object interface {
	// TraceID returns the id the recorder uses for this object.
	TraceID() uint64
}

// DefaultCapacity is how many events a recording keeps unless Capacity says
// otherwise: about 10 MB of memory at most.
const DefaultCapacity = rec.DefaultCapacity

// ClockCategory is the runtime-trace log category under which the recorder
// writes its own clock (nanoseconds since the recording started) when a
// runtime trace is captured. A reader maps runtime times to recorder times
// with the offset between a log event's time and its message.
const ClockCategory = rec.ClockCategory

// ErrRuntimeTraceBusy is returned by Start when another runtime trace is
// already running in this process.
var ErrRuntimeTraceBusy = rec.ErrRuntimeTraceBusy

// Start begins a new recording, discarding any recording in progress.
func Start(opts ...Option) error { return rec.Start(opts...) }

// Stop ends the recording in progress and returns it. It returns an empty
// recording if none was running.
func Stop() *Recording { return resolve(rec.Stop()) }

// Snapshot returns a copy of everything recorded so far and keeps recording.
// The runtime trace, if any, is only available from Stop.
func Snapshot() *Recording { return resolve(rec.Snapshot()) }

// Reset discards what has been recorded so far and starts a fresh recording
// with the same options, if one is running. A recording started WithRuntime
// is left as it is: its runtime trace cannot be cut short and restarted
// without losing the clock marks that line the two up; Stop and Start it.
func Reset() { rec.Reset() }

// Enabled reports whether a recording is in progress.
func Enabled() bool { return rec.Enabled() }

// Dropped returns how many events the recording in progress could not keep
// because it was full (see Capacity).
func Dropped() uint64 { return rec.Dropped() }

// Capacity sets how many events the recording keeps: exactly the first
// that many, from whichever goroutines record them; later events are counted
// as dropped, per goroutine (Recording.DroppedBy), so a goroutine whose
// events were all dropped still has a lane. Memory is about 96 bytes per
// event kept.
func Capacity(events int) Option { return rec.Capacity(events) }

// WithRuntime also captures the Go runtime's execution trace (runtime/trace)
// in memory, up to limitBytes (0 means 64 MiB), so a chart can show the
// scheduler's view — goroutine states and processors — on the same clock as
// the helpers' events. Only one runtime trace can run per process.
func WithRuntime(limitBytes int) Option { return rec.WithRuntime(limitBytes) }

// NameGoroutine gives the calling goroutine a name for timelines ("poller",
// "worker-2"). Threads spawned with thread.Name are named this way already.
func NameGoroutine(name string) { rec.NameGoroutine(name) }

// Label gives a helper object a name for timelines and reports, such as
// trace.Label(a, "A") for the first of two locks.
func Label(obj Object, name string) { rec.LabelID(obj.TraceID(), name) }
