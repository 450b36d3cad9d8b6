package timeline

import (
	"fmt"
	"slices"
	"time"

	"github.com/fearless-go/fearless/helpers/trace"
)

// Build lays a recording out on lanes. It accepts any event sequence: an
// End without its Begin is skipped (and counted in Notes), a Begin without
// its End lasts until the recording's end and is marked Stuck.
func Build(rec *trace.Recording) *Model {
	if rec == nil {
		rec = &trace.Recording{}
	}
	b := &builder{
		rec:      rec,
		m:        &Model{Events: len(rec.Events), Dropped: rec.Dropped},
		goLane:   map[int64]int{},
		workers:  map[workerKey]int{},
		inTask:   map[int64][]int{},
		taskExec: map[uint64]uint64{},
		holds:    map[holdKey]openSpan{},
		msgs:     map[msgKey]end{},
		spawns:   map[uint64]end{},
		started:  map[uint64]end{},
		ends:     map[uint64]end{},
	}
	for i := range rec.Events {
		b.event(&rec.Events[i])
	}
	b.finish()
	return b.m
}

// frame is one entry of a lane's state stack: the top is what the lane is
// doing now; a wait pushes a frame and its end pops it.
type frame struct {
	state State
	kind  trace.Kind // the event kind that opened it (0 for a lane's base)
	obj   uint64
	what  string
	site  *trace.Site
}

type openSpan struct {
	frame
	lane  int
	start time.Duration
}

type laneState struct {
	stack     []frame
	segStart  time.Duration // when the current top became the top
	user      []openSpan    // open user spans, innermost last
	last      time.Duration // time of the lane's last event
	threadRun bool          // the lane is a thread started by the thread helper
	ended     bool
	lastSpan  int // index in Model.Spans of the lane's last main-layer span, or -1
}

type workerKey struct {
	exec   uint64
	worker int64
}

// holdKey names a held lock: an exclusive hold by its lock alone, a shared
// hold by the lock and the holding lane.
type holdKey struct {
	obj  uint64
	lane int // -1 for an exclusive hold
}

type msgKey struct{ ch, msg uint64 }

// end is one end of an arrow.
type end struct {
	lane int
	t    time.Duration
	ok   bool
}

type builder struct {
	rec      *trace.Recording
	m        *Model
	ls       []*laneState
	goLane   map[int64]int
	workers  map[workerKey]int
	inTask   map[int64][]int // goroutine -> worker lanes of the tasks it is running
	taskExec map[uint64]uint64
	holds    map[holdKey]openSpan
	msgs     map[msgKey]end // the first seen end of each message
	spawns   map[uint64]end // thread -> where it was spawned
	started  map[uint64]end // thread -> where it started running
	ends     map[uint64]end // thread -> where it ended
	unpaired int
	now      time.Duration
	sortKey  []time.Duration // per lane: when it was spawned, or started
}

func (b *builder) addLane(l Lane) int {
	b.m.Lanes = append(b.m.Lanes, l)
	b.ls = append(b.ls, &laneState{segStart: l.Start, last: l.Start, lastSpan: -1})
	b.sortKey = append(b.sortKey, l.Start)
	return len(b.m.Lanes) - 1
}

func (b *builder) isMain(g int64) bool {
	name, ok := b.rec.Goroutines[g]
	return name == "main" || (!ok && g == 1)
}

// laneOf returns the lane that goroutine g's event e goes on, creating it.
func (b *builder) laneOf(e *trace.Event) int {
	if ws := b.inTask[e.G]; len(ws) > 0 {
		return ws[len(ws)-1]
	}
	if i, ok := b.goLane[e.G]; ok {
		return i
	}
	name := b.rec.GoroutineName(e.G)
	start := e.Time
	if b.isMain(e.G) {
		name, start = "main", 0
	}
	i := b.addLane(Lane{Name: name, Kind: GoroutineLane, G: e.G, Start: start, Worker: -1})
	b.goLane[e.G] = i
	if !(e.Kind == trace.ThreadRun && e.Phase == trace.Begin) {
		// A goroutine the thread helper did not start: it was running
		// already when we first heard of it.
		b.ls[i].stack = []frame{{state: Running}}
	}
	return i
}

// taskLane returns the lane of the goroutine running an async task,
// creating it without a base "running" state: a task runs only while it
// holds a worker.
func (b *builder) taskLane(e *trace.Event) int {
	if i, ok := b.goLane[e.G]; ok {
		return i
	}
	i := b.addLane(Lane{Name: b.rec.GoroutineName(e.G), Kind: GoroutineLane, G: e.G, Start: e.Time, Worker: -1})
	b.goLane[e.G] = i
	return i
}

func (b *builder) workerLane(exec uint64, w int64) int {
	k := workerKey{exec, w}
	if i, ok := b.workers[k]; ok {
		return i
	}
	i := b.addLane(Lane{Kind: WorkerLane, Worker: w, Start: b.now, G: -1})
	b.workers[k] = i
	return i
}

func (b *builder) event(e *trace.Event) {
	b.now = e.Time
	site := e.Site
	switch {
	case e.Kind == trace.TaskSpawn:
		b.taskExec[e.Object] = uint64(e.Value)
		b.point(b.laneOf(e), e, "task "+b.name(e.Object)+" created")
		return
	case e.Kind == trace.TaskRun && e.Phase == trace.Begin:
		// The task's own lane shows it running on a worker too; between
		// its runs it waits for a worker (a gap) or awaits (a wait span).
		// A blocking job (Value -1-k) runs on blocking thread k: one lane.
		f := frame{state: Task, kind: trace.TaskRun, obj: e.Object, what: fmt.Sprintf("%s on worker %d", b.name(e.Object), e.Value), site: site}
		if e.Value >= 0 {
			own := b.taskLane(e)
			b.touch(own, e.Time)
			b.push(own, e.Time, f)
		}
		lane := b.workerLane(b.taskExec[e.Object], e.Value)
		b.touch(lane, e.Time)
		f.what = b.name(e.Object)
		b.push(lane, e.Time, f)
		b.inTask[e.G] = append(b.inTask[e.G], lane)
		return
	case e.Kind == trace.TaskRun && e.Phase == trace.End:
		ws := b.inTask[e.G]
		if len(ws) == 0 {
			b.unpaired++
			return
		}
		lane := ws[len(ws)-1]
		b.inTask[e.G] = ws[:len(ws)-1]
		b.touch(lane, e.Time)
		b.pop(lane, e.Time, trace.TaskRun, e.Object)
		if e.Value >= 0 {
			own := b.taskLane(e)
			b.touch(own, e.Time)
			b.pop(own, e.Time, trace.TaskRun, e.Object)
		}
		return
	}
	lane := b.laneOf(e)
	b.touch(lane, e.Time)
	switch e.Phase {
	case trace.Begin:
		b.begin(lane, e)
	case trace.End:
		b.end(lane, e)
	default:
		b.instant(lane, e)
	}
}

func (b *builder) touch(lane int, t time.Duration) {
	if t > b.ls[lane].last {
		b.ls[lane].last = t
	}
}

func (b *builder) begin(lane int, e *trace.Event) {
	f := frame{kind: e.Kind, obj: e.Object, site: e.Site, what: b.name(e.Object)}
	switch e.Kind {
	case trace.ThreadRun:
		ls := b.ls[lane]
		ls.threadRun = true
		ls.ended = false
		f.state = Running
		b.push(lane, e.Time, f)
		if sp, ok := b.spawns[e.Object]; ok {
			b.sortKey[lane] = sp.t // threads in the order they were spawned
		}
		b.link(SpawnArrow, b.spawns[e.Object], end{lane, e.Time, true}, e.Object, "spawned "+b.m.Lanes[lane].Name)
		b.started[e.Object] = end{lane, e.Time, true}
		return
	case trace.UserSpan:
		b.ls[lane].user = append(b.ls[lane].user, openSpan{frame: frame{state: UserSpan, kind: e.Kind, obj: e.Object, what: f.what, site: e.Site}, lane: lane, start: e.Time})
		return
	case trace.LockWait:
		f.state = LockWait
		if e.Value == trace.ModeShared {
			f.what += " (read)"
		}
	case trace.SendWait:
		f.state = SendBlocked
	case trace.RecvWait:
		f.state = RecvBlocked
	case trace.Sleep:
		f.state, f.what = Sleeping, "sleep "+time.Duration(e.Value).String()
	case trace.Join:
		f.state, f.what = Joining, "join "+b.threadName(e.Object)
	default:
		// A span of a kind this version does not know: show it as a user span.
		b.ls[lane].user = append(b.ls[lane].user, openSpan{frame: frame{state: UserSpan, kind: e.Kind, obj: e.Object, what: e.Kind.String() + " " + f.what, site: e.Site}, lane: lane, start: e.Time})
		return
	}
	b.push(lane, e.Time, f)
}

func (b *builder) end(lane int, e *trace.Event) {
	ls := b.ls[lane]
	switch e.Kind {
	case trace.ThreadRun:
		b.flush(lane, e.Time)
		ls.stack = nil
		for _, u := range ls.user {
			b.addSpan(u, e.Time, false)
		}
		ls.user = nil
		ls.ended = true
		b.m.Lanes[lane].End = e.Time
		b.m.Lanes[lane].Finished = true
		b.ends[e.Object] = end{lane, e.Time, true}
		return
	case trace.UserSpan:
		for i := len(ls.user) - 1; i >= 0; i-- {
			if ls.user[i].obj == e.Object {
				b.addSpan(ls.user[i], e.Time, false)
				ls.user = slices.Delete(ls.user, i, i+1)
				return
			}
		}
		b.unpaired++
		return
	case trace.Join:
		if !b.pop(lane, e.Time, e.Kind, e.Object) {
			return
		}
		b.link(JoinArrow, b.ends[e.Object], end{lane, e.Time, true}, e.Object, "joined "+b.threadName(e.Object))
		b.point(lane, e, "joined "+b.threadName(e.Object))
		return
	}
	b.pop(lane, e.Time, e.Kind, e.Object)
}

func (b *builder) instant(lane int, e *trace.Event) {
	obj := b.name(e.Object)
	switch e.Kind {
	case trace.Lock, trace.RLock:
		k, what := holdKey{e.Object, -1}, obj
		if e.Kind == trace.RLock {
			k.lane, what = lane, obj+" (read)"
		}
		if old, ok := b.holds[k]; ok { // a missed unlock: close the old hold here
			b.addSpan(old, e.Time, false)
		}
		b.holds[k] = openSpan{frame: frame{state: Holding, kind: e.Kind, obj: e.Object, what: what, site: e.Site}, lane: lane, start: e.Time}
		b.point(lane, e, "locked "+what)
	case trace.Unlock, trace.RUnlock:
		k := holdKey{e.Object, -1}
		if e.Kind == trace.RUnlock {
			k.lane = lane
			if _, ok := b.holds[k]; !ok { // a read guard released by another goroutine
				for hk := range b.holds {
					if hk.obj == e.Object && hk.lane >= 0 {
						k = hk
						break
					}
				}
			}
		}
		if h, ok := b.holds[k]; ok {
			b.addSpan(h, e.Time, false)
			delete(b.holds, k)
		}
		b.point(lane, e, "unlocked "+obj)
	case trace.Send, trace.Recv:
		k := msgKey{e.Object, e.Msg}
		here := end{lane, e.Time, true}
		verb := "sent"
		if e.Kind == trace.Recv {
			verb = "received"
		}
		b.point(lane, e, fmt.Sprintf("%s a message on %s", verb, obj))
		if other, ok := b.msgs[k]; ok {
			from, to := other, here
			if e.Kind == trace.Send {
				from, to = here, other
			}
			b.link(MessageArrow, from, to, e.Object, "message on "+obj)
			delete(b.msgs, k)
		} else {
			b.msgs[k] = here
		}
	case trace.Spawn:
		here := end{lane, e.Time, true}
		b.spawns[e.Object] = here
		b.point(lane, e, "spawned "+b.threadName(e.Object))
		if s, ok := b.started[e.Object]; ok { // the child's start was recorded first
			b.link(SpawnArrow, here, s, e.Object, "spawned "+b.threadName(e.Object))
		}
	case trace.Panic:
		b.m.Lanes[lane].Panicked = true
		b.push(lane, e.Time, frame{state: Panicked, kind: trace.Panic, obj: e.Object, what: "panic", site: e.Site})
		b.point(lane, e, "panicked")
	default:
		b.point(lane, e, b.pointLabel(e, obj))
	}
}

func (b *builder) point(lane int, e *trace.Event, what string) {
	b.m.Points = append(b.m.Points, Point{Lane: lane, Time: e.Time, Kind: e.Kind, Object: e.Object, What: what, Site: e.Site})
}

func (b *builder) link(kind ArrowKind, from, to end, obj uint64, what string) {
	if !from.ok || !to.ok {
		return
	}
	b.m.Arrows = append(b.m.Arrows, Arrow{Kind: kind, FromLane: from.lane, From: from.t, ToLane: to.lane, To: to.t, Object: obj, What: what})
}

// push makes f the lane's current state from time t.
func (b *builder) push(lane int, t time.Duration, f frame) {
	b.flush(lane, t)
	b.ls[lane].stack = append(b.ls[lane].stack, f)
}

// pop ends the innermost open frame of the given kind and object, and
// reports whether there was one.
func (b *builder) pop(lane int, t time.Duration, kind trace.Kind, obj uint64) bool {
	ls := b.ls[lane]
	for i := len(ls.stack) - 1; i >= 0; i-- {
		if f := ls.stack[i]; f.kind == kind && f.obj == obj {
			if i == len(ls.stack)-1 {
				b.flush(lane, t)
			}
			ls.stack = slices.Delete(ls.stack, i, i+1)
			return true
		}
	}
	b.unpaired++
	return false
}

// flush records the lane's current state up to time t.
func (b *builder) flush(lane int, t time.Duration) {
	ls := b.ls[lane]
	if n := len(ls.stack); n > 0 && t > ls.segStart {
		top := ls.stack[n-1]
		b.addSpan(openSpan{frame: top, lane: lane, start: ls.segStart}, t, false)
	}
	ls.segStart = t
}

// addSpan records an open span as ending at t, joining it to the lane's
// previous span when that one is the same state of the same object and
// ends where this one starts (a running stretch cut by a zero-length wait).
func (b *builder) addSpan(o openSpan, t time.Duration, stuck bool) {
	if t < o.start {
		t = o.start
	}
	ls := b.ls[o.lane]
	main := o.state != Holding && o.state != UserSpan
	if main && ls.lastSpan >= 0 {
		prev := &b.m.Spans[ls.lastSpan]
		if prev.State == o.state && prev.Object == o.obj && prev.End == o.start && !prev.Stuck && !stuck {
			prev.End = t
			b.m.Lanes[o.lane].TimeIn[o.state] += t - o.start
			return
		}
	}
	b.m.Spans = append(b.m.Spans, Span{Lane: o.lane, State: o.state, Start: o.start, End: t, Object: o.obj, What: o.what, Site: o.site, Stuck: stuck})
	b.m.Lanes[o.lane].TimeIn[o.state] += t - o.start
	if main {
		ls.lastSpan = len(b.m.Spans) - 1
	}
}
