package explore

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/trace"
)

func init() { engine.SetScheduler(hooks{}) }

// State of the exploration in progress (guarded by runMu).
var (
	paused   bool         // the user's recording was paused for the exploration
	deadline time.Time    // when the exploration's time budget ends (zero outside Run)
	ticker   *time.Ticker // the watchdog's
	stackBuf []byte       // for runtime.Stack
)

// enable turns control on (with the deadlock engine's bookkeeping, which
// the helpers' hooks go through) and pauses a recording in progress: the
// thousands of schedules would flood it. restore puts everything back.
func enable() (restore func()) {
	was := hook.Flags.Load()
	paused = was&hook.Record != 0
	if paused {
		hook.Set(hook.Record, false)
	}
	hook.Set(hook.Check|hook.Explore, true)
	ticker = time.NewTicker(50 * time.Millisecond)
	return func() {
		ticker.Stop()
		hook.Set(hook.Explore, false)
		hook.Set(hook.Check, was&hook.Check != 0)
		if paused {
			hook.Set(hook.Record, true)
		}
	}
}

// execute runs fn once under strategy s.
func execute(s strategy, fn func(), maxSteps int, story bool) *run {
	r := newRun(s, maxSteps)
	r.story = story
	if story {
		r.onSwitch = markSwitch
	}
	main := r.threads[0]
	mu.Lock()
	current = r
	mu.Unlock()
	go func() {
		returned := false
		defer func() {
			var f *Failure
			if !returned {
				if v := recover(); v != nil {
					f = failureOf("main", v)
					if story {
						trace.Mark(f.Error()) // where the check failed, on main's lane
					}
				}
			}
			r.exit(main, f)
		}()
		if story {
			trace.NameGoroutine("main") // the timeline's lane of fn itself
		}
		r.start(main)
		fn()
		returned = true
	}()
	mu.Lock()
	r.handoff(r.pick())
	mu.Unlock()
	r.await()
	r.stuck = r.teardown()
	mu.Lock()
	current = nil
	mu.Unlock()
	return r
}

// await waits for the execution to end. A watchdog looks at the running
// thread when no scheduling point has passed for a while: blocked in a
// sync.Mutex, a plain channel or a WaitGroup, it waits for something outside
// the explorer's control, which would hang the exploration; it is reported.
func (r *run) await() {
	last, still := -1, 0
	for {
		select {
		case <-r.ended:
			return
		case <-ticker.C:
		}
		mu.Lock()
		steps, act := r.steps, r.active
		mu.Unlock()
		if steps != last || act == nil {
			last, still = steps, 0
			continue
		}
		if still++; still < 4 {
			continue
		}
		if where, ok := blockedOutside(act.g); ok {
			mu.Lock()
			if r.fail == nil {
				r.fail = &Failure{Kind: Uncontrolled, Message: fmt.Sprintf(
					"%s is blocked outside the helpers (%s): the explorer cannot see what it waits for "+
						"(use helpers/mutex, helpers/mpsc and thread.Join instead of sync and plain channels)", act.label(), where)}
			}
			r.outside = act // it cannot be ended: do not wait for it
			r.handoff(nil)
			mu.Unlock()
			return
		}
	}
}

// blockedStates are goroutine states of waiting on something in sync or a
// channel, as runtime.Stack prints them.
var blockedStates = []string{"semacquire", "sync.Mutex.Lock", "sync.RWMutex", "sync.WaitGroup.Wait",
	"sync.Cond.Wait", "chan receive", "chan send", "select"}

// blockedOutside reports whether goroutine g waits in sync or on a channel,
// and where.
func blockedOutside(g int64) (string, bool) {
	for _, gr := range goroutines() {
		if gr.id != g {
			continue
		}
		for _, s := range blockedStates {
			if strings.HasPrefix(gr.state, s) {
				return gr.state + " at " + gr.userFrame(), true
			}
		}
	}
	return "", false
}

type goroutine struct {
	id        int64
	state     string
	frames    []string // function, file:line, function, file:line...
	createdBy string
}

func (g goroutine) userFrame() string {
	for i := 0; i+1 < len(g.frames); i += 2 {
		f := g.frames[i]
		if strings.HasPrefix(f, "runtime.") || strings.HasPrefix(f, "sync.") || strings.HasPrefix(f, "internal/") {
			continue
		}
		return strings.TrimSpace(g.frames[i+1])
	}
	return "?"
}

// goroutines parses runtime.Stack for every goroutine.
func goroutines() []goroutine {
	if stackBuf == nil {
		stackBuf = make([]byte, 64<<10)
	}
	var buf []byte
	for {
		n := runtime.Stack(stackBuf, true)
		if n < len(stackBuf) {
			buf = stackBuf[:n]
			break
		}
		stackBuf = make([]byte, 4*len(stackBuf))
	}
	var out []goroutine
	for _, block := range strings.Split(string(buf), "\n\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		var g goroutine
		if _, err := fmt.Sscanf(lines[0], "goroutine %d [", &g.id); err != nil {
			continue
		}
		if i := strings.IndexByte(lines[0], '['); i >= 0 {
			g.state = strings.TrimSuffix(lines[0][i+1:], "]:")
		}
		for i := 1; i < len(lines); i++ {
			if strings.HasPrefix(lines[i], "created by ") {
				g.createdBy = strings.TrimPrefix(lines[i], "created by ")
				if i+1 < len(lines) {
					g.createdBy += " at " + strings.TrimSpace(lines[i+1])
				}
				break
			}
			g.frames = append(g.frames, lines[i])
		}
		out = append(out, g)
	}
	return out
}

// watch finds goroutines started during an exploration by plain go
// statements, still there after the schedule ended.
type watch struct {
	before map[int64]bool
	n      int
}

func newWatch() *watch {
	w := &watch{before: map[int64]bool{}, n: runtime.NumGoroutine()}
	for _, g := range goroutines() {
		w.before[g.id] = true
	}
	return w
}

// ours are the creators of goroutines that are not the user's plain go
// statements: the helpers' threads (finishing), the explorer, the runtime.
var ours = []string{"github.com/fearless-go/fearless/helpers/thread.", "github.com/fearless-go/fearless/helpers/explore.",
	"github.com/fearless-go/fearless/helpers/async.",
	"runtime.", "testing.", "os/signal.", "time.", "internal/", "github.com/janpfeifer/gonb", "go.uber.org/goleak"}

func (w *watch) strays() *Failure {
	for i := 0; i < 50 && runtime.NumGoroutine() > w.n; i++ {
		runtime.Gosched()
	}
	if runtime.NumGoroutine() <= w.n {
		return nil
	}
next:
	for _, g := range goroutines() {
		if w.before[g.id] || g.createdBy == "" {
			continue
		}
		for _, p := range ours {
			if strings.HasPrefix(g.createdBy, p) {
				continue next
			}
		}
		return &Failure{Kind: Uncontrolled, Message: fmt.Sprintf(
			"a goroutine created by %s was not spawned through helpers/thread (a plain go statement?): "+
				"the explorer cannot control it, so its schedules were not explored (use thread.Spawn or thread.Go)", g.createdBy)}
	}
	return nil
}

// tell replays f's schedule to tell its story: the steps, and the timeline
// with the preemptions marked.
func tell(f *Failure, fn func(), maxSteps int) {
	choices, err := decode(f.Schedule)
	if err != nil {
		return
	}
	var from time.Duration
	if paused {
		hook.Set(hook.Record, true)
		from = trace.Snapshot().Duration
	} else if trace.Start() != nil {
		return
	}
	r := execute(&replay{choices: choices}, fn, maxSteps, true)
	var recording *trace.Recording
	if paused {
		recording = trace.Snapshot()
		hook.Set(hook.Record, false)
		// Only the replay, on a clock that starts with it.
		kept := recording.Events[:0]
		for _, e := range recording.Events {
			if e.Time >= from {
				e.Time -= from
				kept = append(kept, e)
			}
		}
		recording.Events = kept
		recording.Started = recording.Started.Add(from)
		recording.Duration -= from
	} else {
		recording = trace.Stop()
	}
	f.Recording = recording
	f.Steps = r.tale()
	if r.fail != nil && r.fail.Kind == f.Kind {
		f.Message = r.fail.Message // the same, with the names of this run's objects
	}
	if r.fail == nil || r.fail.Kind != f.Kind {
		got := "no failure"
		if r.fail != nil {
			got = r.fail.Error()
		}
		f.Steps = append(f.Steps, "(replaying this schedule gave "+got+": does the function depend on time or randomness?)")
	}
}

// markSwitch marks a preemption on the timeline, on the lane of the thread
// that takes over.
func markSwitch(t *proc, s step) {
	trace.Mark("preempts " + s.fromLabel)
}

// tale tells the execution's steps, one line per stretch of one thread.
func (r *run) tale() []string {
	var out []string
	var line strings.Builder
	last := -1
	for _, s := range r.trail {
		if s.thread != last {
			if line.Len() > 0 {
				out = append(out, line.String())
			}
			line.Reset()
			line.WriteString(r.threads[s.thread].label())
			if s.preempt {
				line.WriteString(" (preempts " + s.fromLabel + ")")
			}
			line.WriteString(": ")
			last = s.thread
		} else {
			line.WriteString("; ")
		}
		line.WriteString(describe(s.op))
	}
	if line.Len() > 0 {
		out = append(out, line.String())
	}
	if r.fail != nil {
		msg, _, _ := strings.Cut(r.fail.Message, "\n")
		out = append(out, r.fail.Kind.String()+": "+msg)
	}
	return out
}

func describe(o op) string {
	switch o.kind {
	case opStart:
		return "starts"
	case opLock:
		if o.shared {
			return "read-locks " + objectName(o.obj)
		}
		return "locks " + objectName(o.obj)
	case opTry:
		return "tries to lock " + objectName(o.obj)
	case opJoin:
		return "joins " + objectName(o.obj)
	case opWait:
		return "waits on " + objectName(o.obj)
	case opAccess:
		return "uses " + objectName(o.obj)
	case opYield:
		return "touches shared memory"
	}
	return "?"
}

func objectName(id uint64) string {
	if id == memory {
		return "shared memory"
	}
	return rec.ObjectName(id)
}

// Yield is a scheduling point for plain shared variables: call it before
// each read or write of a variable that several threads share without a
// lock, and the explorer tries the schedules where another thread runs in
// between — the lost update of count++ done as a read and a write. Outside
// an exploration it does nothing.
func Yield() {
	if hook.Flags.Load()&hook.Explore != 0 {
		point(op{kind: opYield, obj: memory}, "explore.Yield")
	}
}

// hooks is the explorer's side of helpers/internal/engine.
type hooks struct{}

func (hooks) Point(obj uint64, o engine.Op, mode engine.Mode) {
	k := opAccess
	switch o {
	case engine.OpLock:
		k = opLock
	case engine.OpTry:
		k = opTry
	case engine.OpJoin:
		k = opJoin
	case engine.OpWait:
		k = opWait
	}
	point(op{kind: k, obj: obj, shared: mode == engine.Shared}, "a helper ("+rec.KindOf(obj).String()+")")
}

func (hooks) Wake(obj uint64) {
	mu.Lock()
	defer mu.Unlock()
	if r := current; r != nil {
		for _, t := range r.threads {
			if t.op.kind == opWait && t.op.obj == obj {
				t.woken = true
			}
		}
	}
}

func (hooks) Spawned(id uint64, name string) {
	var at site
	if playing.Load() {
		at = siteHere(1)
	}
	mu.Lock()
	defer mu.Unlock()
	if r, t := self("thread.Spawn"); t != nil && !r.aborting {
		r.add(id, name, t).site = at
	}
}

func (hooks) Started(id uint64) {
	mu.Lock()
	r := current
	var t *proc
	if r != nil {
		t = r.byID[id]
	}
	mu.Unlock()
	if t != nil {
		r.start(t)
	}
}

func (hooks) Panicked(id uint64, v any) {
	mu.Lock()
	defer mu.Unlock()
	if r := current; r != nil {
		if t := r.byID[id]; t != nil && !r.aborting {
			t.panic = failureOf(t.label(), v)
		}
	}
}

func (hooks) Exited(id uint64) {
	mu.Lock()
	r := current
	var t *proc
	if r != nil {
		t = r.byID[id]
	}
	mu.Unlock()
	if t != nil {
		r.exit(t, t.panic)
	}
}

func (hooks) Gone(id uint64) {
	mu.Lock()
	defer mu.Unlock()
	if r := current; r != nil {
		if t := r.byID[id]; t != nil {
			t.markGone()
		}
	}
}

func (hooks) Acquired(lock uint64, mode engine.Mode) {
	mu.Lock()
	defer mu.Unlock()
	r, t := self("a lock")
	if t == nil || r.aborting {
		return
	}
	ls := r.locks[lock]
	if ls == nil {
		ls = &lockState{}
		r.locks[lock] = ls
	}
	if mode == engine.Shared {
		ls.readers++
	} else {
		ls.writer = t
	}
	if playing.Load() {
		if r.holders == nil {
			r.holders = map[uint64][]*proc{}
		}
		r.holders[lock] = append(r.holders[lock], t)
	}
}

func (hooks) Released(lock uint64) {
	mu.Lock()
	defer mu.Unlock()
	r, t := self("a lock")
	if t == nil || r.aborting {
		return
	}
	if ls := r.locks[lock]; ls != nil {
		if ls.writer != nil {
			ls.writer = nil
		} else if ls.readers > 0 {
			ls.readers--
		}
		if ls.writer == nil && ls.readers == 0 {
			delete(r.locks, lock)
		}
	}
	if hs := r.holders[lock]; len(hs) > 0 {
		for i, u := range hs {
			if u == t {
				r.holders[lock] = append(hs[:i:i], hs[i+1:]...)
				break
			}
		}
	}
}
