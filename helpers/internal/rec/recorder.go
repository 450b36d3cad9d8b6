package rec

import (
	"bytes"
	"context"
	"errors"
	"os"
	rtrace "runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// DefaultCapacity is how many events a recording keeps unless Capacity says
// otherwise: about 10 MB of memory at most.
const DefaultCapacity = 100_000

// recorder is one recording in progress.
type recorder struct {
	epoch    time.Time
	capacity int
	buf      *buffer
	rt       *runtimeCapture // nil unless WithRuntime
}

var (
	current atomic.Pointer[recorder]
	control sync.Mutex // serialises Start, Stop and Reset
)

// Option configures a recording.
type Option func(*config)

type config struct {
	capacity int
	runtime  bool
	rtLimit  int
}

// Capacity sets how many events the recording keeps: exactly the first
// that many, from whichever goroutines record them; later events are counted
// as dropped, per goroutine (Recording.DroppedBy). Memory is about 96 bytes
// per event kept.
func Capacity(events int) Option {
	return func(c *config) {
		if events > 0 {
			c.capacity = events
		}
	}
}

// WithRuntime also captures the Go runtime's execution trace (runtime/trace)
// in memory, up to limitBytes (0 means 64 MiB), so a chart can show the
// scheduler's view — goroutine states and processors — on the same clock as
// the helpers' events. Only one runtime trace can run per process.
func WithRuntime(limitBytes int) Option {
	return func(c *config) {
		c.runtime = true
		c.rtLimit = limitBytes
		if c.rtLimit <= 0 {
			c.rtLimit = 64 << 20
		}
	}
}

// ErrRuntimeTraceBusy is returned by Start when another runtime trace is
// already running in this process.
var ErrRuntimeTraceBusy = errors.New("trace: a runtime trace is already running in this process (only one can run at a time)")

// Start begins a new recording, discarding any recording in progress.
func Start(opts ...Option) error {
	cfg := config{capacity: DefaultCapacity}
	for _, o := range opts {
		o(&cfg)
	}
	control.Lock()
	defer control.Unlock()
	stopLocked()
	r := &recorder{epoch: time.Now(), capacity: cfg.capacity, buf: newBuffer(cfg.capacity)}
	if cfg.runtime {
		if rtrace.IsEnabled() {
			return ErrRuntimeTraceBusy
		}
		rt, err := startRuntime(cfg.rtLimit)
		if err != nil {
			return err
		}
		r.rt = rt
		r.clockMark()
	}
	current.Store(r)
	hook.Set(hook.Record, true)
	return nil
}

// Stop ends the recording in progress and returns it. It returns an empty
// capture if none was running.
func Stop() *Capture {
	control.Lock()
	defer control.Unlock()
	return stopLocked()
}

func stopLocked() *Capture {
	r := current.Load()
	if r == nil {
		return &Capture{}
	}
	hook.Set(hook.Record, false)
	current.Store(nil)
	var rt []byte
	if r.rt != nil {
		r.clockMark()
		rt = r.rt.stop()
	}
	c := r.snapshot()
	c.Runtime = rt
	return c
}

// Snapshot returns a copy of everything recorded so far and keeps recording.
// The runtime trace, if any, is only available from Stop.
func Snapshot() *Capture {
	r := current.Load()
	if r == nil {
		return &Capture{}
	}
	return r.snapshot()
}

// Reset discards what has been recorded so far and starts a fresh recording
// with the same options, if one is running. A recording started WithRuntime
// is left as it is: its runtime trace cannot be cut short and restarted
// without losing the clock marks that line the two up; Stop and Start it.
func Reset() {
	control.Lock()
	defer control.Unlock()
	if r := current.Load(); r != nil && r.rt == nil {
		current.Store(&recorder{epoch: time.Now(), capacity: r.capacity, buf: newBuffer(r.capacity)})
	}
}

// Dropped returns how many events the recording in progress could not keep
// because it was full (see Capacity).
func Dropped() uint64 {
	if r := current.Load(); r != nil {
		return r.buf.dropped.Load()
	}
	return 0
}

// Enabled reports whether a recording is in progress. Helpers use it to skip
// the work of preparing an event nobody will read.
func Enabled() bool { return hook.Recording() }

// Emit records one event for the calling goroutine. It is the recorder's
// entry point for helper packages (and for anyone writing a primitive of
// their own); user code normally calls Span or Mark instead.
//
//go:noinline
func Emit(kind Kind, phase Phase, obj, msg uint64, val int64) {
	if r := current.Load(); r != nil {
		r.add(callers.Capture(), kind, phase, obj, msg, val)
	}
}

// EmitFrom is Emit with the call site given instead of captured (from
// callers.Capture, on any goroutine). Helpers use it for events a goroutine
// records on behalf of a line that is not on its own stack: a thread's start
// and end point at the line that spawned it.
func EmitFrom(site callers.PCs, kind Kind, phase Phase, obj, msg uint64, val int64) {
	if r := current.Load(); r != nil {
		r.add(site, kind, phase, obj, msg, val)
	}
}

func (r *recorder) add(site callers.PCs, kind Kind, phase Phase, obj, msg uint64, val int64) {
	e := Raw{
		PCs:   site,
		G:     goid.Get(),
		Time:  int64(time.Since(r.epoch)),
		Kind:  kind,
		Phase: phase,
		Obj:   obj,
		Msg:   msg,
		Val:   val,
	}
	r.buf.add(&e)
}

// clockMark writes the recorder's clock into the runtime trace, so the two
// timelines can be put on one clock (see Recording.Runtime).
func (r *recorder) clockMark() {
	rtrace.Log(context.Background(), ClockCategory, strconv.FormatInt(int64(time.Since(r.epoch)), 10))
}

// ClockCategory is the runtime-trace log category under which the recorder
// writes its own clock (nanoseconds since the recording started) when a
// runtime trace is captured. A reader maps runtime times to recorder times
// with the offset between a log event's time and its message.
const ClockCategory = "fearless.clock"

// runtimeCapture holds a runtime/trace capture in memory, bounded.
type runtimeCapture struct {
	w *limitedBuffer
}

type limitedBuffer struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	limit     int
	truncated bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len()+len(p) > b.limit {
		b.truncated = true
		return len(p), nil // drop; the runtime must not see an error mid-trace
	}
	return b.buf.Write(p)
}

func startRuntime(limit int) (*runtimeCapture, error) {
	w := &limitedBuffer{limit: limit}
	if err := rtrace.Start(w); err != nil {
		return nil, err
	}
	return &runtimeCapture{w: w}, nil
}

func (c *runtimeCapture) stop() []byte {
	rtrace.Stop()
	c.w.mu.Lock()
	defer c.w.mu.Unlock()
	if c.w.truncated {
		return nil // a truncated runtime trace cannot be parsed; say so by its absence
	}
	return bytes.Clone(c.w.buf.Bytes())
}

func init() {
	nameGoroutine(goid.Get(), "main")
	switch os.Getenv("FEARLESS_TRACE") {
	case "0", "off", "false":
		return
	case "1", "on", "true":
	default:
		if os.Getenv("GONB_PIPE") == "" { // GoNB sets it for every cell it runs
			return
		}
	}
	_ = Start()
}
