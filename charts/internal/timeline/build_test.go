package timeline_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/charts/internal/timeline"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func TestEmptyRecording(t *testing.T) {
	for _, rec := range []*trace.Recording{nil, recording(0, nil)} {
		m := timeline.Build(rec)
		if len(m.Lanes) != 0 || len(m.Spans) != 0 || len(m.Points) != 0 || len(m.Arrows) != 0 {
			t.Fatalf("empty recording gave %+v", m)
		}
		c := m.Chart("t")
		if len(c.Lanes) != 0 || c.Table == nil || len(c.Table.Rows) != 0 {
			t.Fatalf("empty chart = %+v", c)
		}
	}
}

func TestSingleEvent(t *testing.T) {
	m := timeline.Build(recording(10, map[int64]string{1: "main"}, ev(4, 1, trace.UserMark, trace.Instant, 0)))
	if len(m.Lanes) != 1 || m.Lanes[0].Name != "main" {
		t.Fatalf("lanes = %+v", m.Lanes)
	}
	// main runs from the start of the recording to its end.
	run := spansOf(m, "main", timeline.Running)
	if len(run) != 1 || run[0].Start != 0 || run[0].End != us(10) {
		t.Fatalf("main running = %+v", run)
	}
	if len(m.Points) != 1 || m.Points[0].Time != us(4) {
		t.Fatalf("points = %+v", m.Points)
	}
}

func TestThreadLifecycleSpawnAndJoinArrows(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 7: "worker"},
		ev(10, 1, trace.Spawn, trace.Instant, thread1),
		ev(12, 7, trace.ThreadRun, trace.Begin, thread1),
		ev(20, 1, trace.Join, trace.Begin, thread1),
		ev(50, 7, trace.ThreadRun, trace.End, thread1),
		ev(51, 1, trace.Join, trace.End, thread1),
	))
	if got := laneNames(m); got != "main,worker" {
		t.Fatalf("lanes = %s", got)
	}
	w := m.LaneIndex("worker")
	if l := m.Lanes[w]; l.Start != us(12) || l.End != us(50) || !l.Finished {
		t.Fatalf("worker lane = %+v", l)
	}
	if run := spansOf(m, "worker", timeline.Running); len(run) != 1 || run[0].Start != us(12) || run[0].End != us(50) {
		t.Fatalf("worker running = %+v", run)
	}
	if fin := spansOf(m, "worker", timeline.Finished); len(fin) != 1 || fin[0].Start != us(50) || fin[0].End != us(100) {
		t.Fatalf("worker finished = %+v", fin)
	}
	join := spansOf(m, "main", timeline.Joining)
	if len(join) != 1 || join[0].Start != us(20) || join[0].End != us(51) || !strings.Contains(join[0].What, "worker") {
		t.Fatalf("main joining = %+v", join)
	}
	// main: running 0-20, joining 20-51, running 51-100.
	if run := spansOf(m, "main", timeline.Running); len(run) != 2 || run[0].End != us(20) || run[1].Start != us(51) || run[1].End != us(100) {
		t.Fatalf("main running = %+v", run)
	}
	kinds := map[timeline.ArrowKind]timeline.Arrow{}
	for _, a := range m.Arrows {
		kinds[a.Kind] = a
	}
	if a := kinds[timeline.SpawnArrow]; a.FromLane != 0 || a.From != us(10) || a.ToLane != w || a.To != us(12) {
		t.Fatalf("spawn arrow = %+v", a)
	}
	if a := kinds[timeline.JoinArrow]; a.FromLane != w || a.From != us(50) || a.ToLane != 0 || a.To != us(51) {
		t.Fatalf("join arrow = %+v", a)
	}
	if m.Lanes[0].TimeIn[timeline.Joining] != us(31) || m.Lanes[0].TimeIn[timeline.Running] != us(69) {
		t.Fatalf("main time in state = %v", m.Lanes[0].TimeIn)
	}
}

func TestLockWaitAndHolding(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 2: "a", 3: "b"},
		ev(1, 2, trace.LockWait, trace.Begin, mutexA),
		ev(1, 2, trace.LockWait, trace.End, mutexA),
		ev(1, 2, trace.Lock, trace.Instant, mutexA),
		ev(2, 3, trace.LockWait, trace.Begin, mutexA),
		ev(30, 2, trace.Unlock, trace.Instant, mutexA),
		ev(31, 3, trace.LockWait, trace.End, mutexA),
		ev(31, 3, trace.Lock, trace.Instant, mutexA),
		ev(40, 3, trace.Unlock, trace.Instant, mutexA),
	))
	if h := spansOf(m, "a", timeline.Holding); len(h) != 1 || h[0].Start != us(1) || h[0].End != us(30) {
		t.Fatalf("a holding = %+v", h)
	}
	if w := spansOf(m, "b", timeline.LockWait); len(w) != 1 || w[0].Start != us(2) || w[0].End != us(31) || w[0].Stuck {
		t.Fatalf("b waiting = %+v", w)
	}
	if h := spansOf(m, "b", timeline.Holding); len(h) != 1 || h[0].Start != us(31) || h[0].End != us(40) {
		t.Fatalf("b holding = %+v", h)
	}
	// A zero-length wait leaves no span: a's running is one piece.
	if w := spansOf(m, "a", timeline.LockWait); len(w) != 0 {
		t.Fatalf("a has zero-length waits: %+v", w)
	}
	// Goroutines known only from events end at their last event.
	if l := m.Lanes[m.LaneIndex("b")]; l.End != us(40) || l.Stuck {
		t.Fatalf("b lane = %+v", l)
	}
}

func TestReadLocksHeldTogether(t *testing.T) {
	m := timeline.Build(recording(50, map[int64]string{2: "r1", 3: "r2"},
		withVal(ev(1, 2, trace.LockWait, trace.Begin, rw), trace.ModeShared),
		withVal(ev(1, 2, trace.LockWait, trace.End, rw), trace.ModeShared),
		ev(1, 2, trace.RLock, trace.Instant, rw),
		ev(2, 3, trace.RLock, trace.Instant, rw),
		ev(10, 3, trace.RUnlock, trace.Instant, rw),
		ev(20, 2, trace.RUnlock, trace.Instant, rw),
	))
	h1, h2 := spansOf(m, "r1", timeline.Holding), spansOf(m, "r2", timeline.Holding)
	if len(h1) != 1 || h1[0].End != us(20) || len(h2) != 1 || h2[0].End != us(10) || !strings.Contains(h1[0].What, "(read)") {
		t.Fatalf("read holds = %+v / %+v", h1, h2)
	}
}

func TestDeadlockIsStuckUntilTheEnd(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{2: "left", 3: "right"},
		ev(1, 2, trace.Lock, trace.Instant, mutexA),
		ev(2, 3, trace.Lock, trace.Instant, mutexB),
		ev(3, 2, trace.LockWait, trace.Begin, mutexB),
		ev(4, 3, trace.LockWait, trace.Begin, mutexA),
		ev(5, 3, trace.Deadlock, trace.Instant, mutexA),
	))
	for _, lane := range []string{"left", "right"} {
		w := spansOf(m, lane, timeline.LockWait)
		if len(w) != 1 || !w[0].Stuck || w[0].End != us(100) {
			t.Fatalf("%s wait = %+v", lane, w)
		}
		if l := m.Lanes[m.LaneIndex(lane)]; !l.Stuck || l.End != us(100) {
			t.Fatalf("%s lane = %+v", lane, l)
		}
		if h := spansOf(m, lane, timeline.Holding); len(h) != 1 || !h[0].Stuck || h[0].End != us(100) {
			t.Fatalf("%s hold = %+v", lane, h)
		}
	}
	c := m.Chart("deadlock")
	if !strings.HasSuffix(c.Lanes[m.LaneIndex("left")], "(stuck)") {
		t.Fatalf("chart lanes = %v", c.Lanes)
	}
	var problems int
	for _, s := range c.Points {
		if s.Name == "problems" {
			problems = len(s.Points)
		}
	}
	if problems != 1 {
		t.Fatalf("problem markers = %d, want 1", problems)
	}
}

func TestMessagesBecomeArrowsInEitherOrder(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 2: "producer"},
		withMsg(ev(5, 2, trace.Send, trace.Instant, chanJob), 1),
		ev(6, 1, trace.RecvWait, trace.Begin, chanJob),
		withMsg(ev(9, 2, trace.Send, trace.Instant, chanJob), 2),
		ev(10, 1, trace.RecvWait, trace.End, chanJob),
		withMsg(ev(10, 1, trace.Recv, trace.Instant, chanJob), 1),
		// A receive recorded before its send (clock granularity) still links.
		withMsg(ev(11, 1, trace.Recv, trace.Instant, chanJob), 3),
		withMsg(ev(11, 2, trace.Send, trace.Instant, chanJob), 3),
		ev(20, 2, trace.SendWait, trace.Begin, chanJob),
	))
	var msgs []timeline.Arrow
	for _, a := range m.Arrows {
		if a.Kind == timeline.MessageArrow {
			msgs = append(msgs, a)
		}
	}
	p, mainLane := m.LaneIndex("producer"), m.LaneIndex("main")
	if len(msgs) != 2 || msgs[0].FromLane != p || msgs[0].ToLane != mainLane || msgs[0].From != us(5) || msgs[0].To != us(10) {
		t.Fatalf("message arrows = %+v", msgs)
	}
	if msgs[1].FromLane != p || msgs[1].ToLane != mainLane {
		t.Fatalf("reversed message arrow = %+v", msgs[1])
	}
	if w := spansOf(m, "main", timeline.RecvBlocked); len(w) != 1 || w[0].End != us(10) {
		t.Fatalf("recv blocked = %+v", w)
	}
	if w := spansOf(m, "producer", timeline.SendBlocked); len(w) != 1 || !w[0].Stuck {
		t.Fatalf("send blocked = %+v", w)
	}
}

func TestAsyncTasksGoOnWorkerLanes(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main"},
		withVal(ev(1, 1, trace.TaskSpawn, trace.Instant, task1), int64(exec1)),
		withVal(ev(1, 1, trace.TaskSpawn, trace.Instant, task2), int64(exec1)),
		withVal(ev(2, 20, trace.TaskRun, trace.Begin, task1), 0),
		withVal(ev(3, 21, trace.TaskRun, trace.Begin, task2), 1),
		withVal(ev(5, 21, trace.Sleep, trace.Begin, 0), 1000),
		withVal(ev(6, 21, trace.Sleep, trace.End, 0), 1000),
		withVal(ev(8, 20, trace.TaskRun, trace.End, task1), 0),
		withVal(ev(9, 21, trace.TaskRun, trace.End, task2), 1),
		withVal(ev(10, 20, trace.TaskRun, trace.Begin, task2), 0),
		withVal(ev(12, 20, trace.TaskRun, trace.End, task2), 0),
	))
	if got := laneNames(m); got != "main,goroutine 20,worker 0,goroutine 21,worker 1" {
		t.Fatalf("lanes = %s", got)
	}
	if ts := spansOf(m, "worker 0", timeline.Task); len(ts) != 2 || ts[0].End != us(8) || ts[1].Start != us(10) {
		t.Fatalf("worker 0 tasks = %+v", ts)
	}
	// The sleep inside task 2 shows on its worker's lane, splitting the task.
	if s := spansOf(m, "worker 1", timeline.Sleeping); len(s) != 1 || s[0].Start != us(5) {
		t.Fatalf("worker 1 sleeps = %+v", s)
	}
	if ts := spansOf(m, "worker 1", timeline.Task); len(ts) != 2 {
		t.Fatalf("worker 1 tasks = %+v", ts)
	}
	if l := m.Lanes[m.LaneIndex("worker 1")]; l.Kind != timeline.WorkerLane || l.Worker != 1 {
		t.Fatalf("worker lane = %+v", l)
	}
}

func TestPanicShowsOnTheLane(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 5: "doomed"},
		ev(10, 5, trace.ThreadRun, trace.Begin, thread2),
		ev(20, 5, trace.Panic, trace.Instant, thread2),
		ev(22, 5, trace.ThreadRun, trace.End, thread2),
	))
	l := m.Lanes[m.LaneIndex("doomed")]
	if !l.Panicked || !l.Finished || l.End != us(22) {
		t.Fatalf("lane = %+v", l)
	}
	if p := spansOf(m, "doomed", timeline.Panicked); len(p) != 1 || p[0].Start != us(20) || p[0].End != us(22) {
		t.Fatalf("panicked spans = %+v", p)
	}
	if !strings.HasSuffix(m.Chart("").Lanes[m.LaneIndex("doomed")], "(panicked)") {
		t.Fatal("chart does not say the lane panicked")
	}
}

func TestUnpairedEndsAndNamesAndOrder(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 8: "dup", 9: "dup"},
		ev(1, 4, trace.LockWait, trace.End, mutexA), // began before the recording
		ev(2, 8, trace.UserMark, trace.Instant, 0),
		ev(3, 9, trace.UserMark, trace.Instant, 0),
		ev(5, 1, trace.UserMark, trace.Instant, 0),
	))
	if got := laneNames(m); got != "main,goroutine 4,dup,dup (goroutine 9)" {
		t.Fatalf("lanes = %s", got)
	}
	if len(m.Notes) != 1 || !strings.Contains(m.Notes[0], "1 span ends") {
		t.Fatalf("notes = %v", m.Notes)
	}
}

func TestUserSpansNestAndStayOpen(t *testing.T) {
	outer, inner := primitive.NewID(trace.NameObject), primitive.NewID(trace.NameObject)
	m := timeline.Build(recording(100, map[int64]string{1: "main"},
		ev(1, 1, trace.UserSpan, trace.Begin, outer),
		ev(2, 1, trace.UserSpan, trace.Begin, inner),
		ev(3, 1, trace.UserSpan, trace.End, inner),
	))
	s := spansOf(m, "main", timeline.UserSpan)
	if len(s) != 2 || s[0].End != us(3) || s[1].End != us(100) || !strings.Contains(s[1].What, "still open") {
		t.Fatalf("user spans = %+v", s)
	}
}

func TestDroppedEventsAreNoted(t *testing.T) {
	rec := recording(10, nil, ev(1, 1, trace.UserMark, trace.Instant, 0))
	rec.Dropped = 5
	m := timeline.Build(rec)
	if len(m.Notes) != 1 || !strings.Contains(m.Notes[0], "5 events were dropped") {
		t.Fatalf("notes = %v", m.Notes)
	}
	if c := m.Chart(""); !strings.Contains(c.Subtitle, "dropped") {
		t.Fatalf("subtitle = %q", c.Subtitle)
	}
}

func laneNames(m *timeline.Model) string {
	var n []string
	for _, l := range m.Lanes {
		n = append(n, l.Name)
	}
	return strings.Join(n, ",")
}

// helpers/async: each task has its own goroutine; TaskRun spans say which
// worker it holds; an async sleep happens while it holds none.
func TestAsyncTaskLanes(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 30: "task 1"},
		withVal(ev(1, 1, trace.TaskSpawn, trace.Instant, task1), int64(exec1)),
		withVal(ev(2, 30, trace.TaskRun, trace.Begin, task1), 0),
		withVal(ev(5, 30, trace.TaskRun, trace.End, task1), 0),
		withVal(ev(5, 30, trace.Sleep, trace.Begin, task1), 10_000),
		withVal(ev(15, 30, trace.Sleep, trace.End, task1), 10_000),
		withVal(ev(16, 30, trace.TaskRun, trace.Begin, task1), 0),
		withVal(ev(20, 30, trace.TaskRun, trace.End, task1), 0),
		ev(21, 30, trace.TaskDone, trace.Instant, task1),
	))
	if got := laneNames(m); got != "main,task 1,worker 0" {
		t.Fatalf("lanes = %s", got)
	}
	if ts := spansOf(m, "task 1", timeline.Task); len(ts) != 2 || !strings.Contains(ts[0].What, "on worker 0") {
		t.Fatalf("task lane runs = %+v", ts)
	}
	if s := spansOf(m, "task 1", timeline.Sleeping); len(s) != 1 || s[0].Start != us(5) || s[0].End != us(15) {
		t.Fatalf("task lane sleeps = %+v", s)
	}
	if r := spansOf(m, "task 1", timeline.Running); len(r) != 0 {
		t.Fatalf("a task lane runs only on a worker: %+v", r)
	}
	if ts := spansOf(m, "worker 0", timeline.Task); len(ts) != 2 {
		t.Fatalf("worker lane = %+v", ts)
	}
}

// helpers/async's blocking pool: a job's TaskRun has Value -1-k, and it is
// drawn on one lane, "blocking k", not on a worker's nor on its own.
func TestAsyncBlockingPoolLanes(t *testing.T) {
	m := timeline.Build(recording(100, map[int64]string{1: "main", 30: "task 1", 40: "blocking 0"},
		withVal(ev(1, 1, trace.TaskSpawn, trace.Instant, task1), int64(exec1)),
		withVal(ev(2, 30, trace.TaskRun, trace.Begin, task1), 0),
		withVal(ev(3, 30, trace.TaskSpawn, trace.Instant, task2), int64(exec1)),
		withVal(ev(4, 40, trace.TaskRun, trace.Begin, task2), -1),
		withVal(ev(5, 40, trace.Sleep, trace.Begin, 0), 10_000),
		withVal(ev(15, 40, trace.Sleep, trace.End, 0), 10_000),
		withVal(ev(16, 40, trace.TaskRun, trace.End, task2), -1),
		withVal(ev(20, 30, trace.TaskRun, trace.End, task1), 0),
	))
	if got := laneNames(m); got != "main,task 1,worker 0,blocking 0" {
		t.Fatalf("lanes = %s", got)
	}
	if ts := spansOf(m, "blocking 0", timeline.Task); len(ts) != 2 { // split by the sleep
		t.Fatalf("blocking lane tasks = %+v", ts)
	}
	if s := spansOf(m, "blocking 0", timeline.Sleeping); len(s) != 1 || s[0].Start != us(5) {
		t.Fatalf("blocking lane sleeps = %+v", s)
	}
	if ts := spansOf(m, "worker 0", timeline.Task); len(ts) != 1 {
		t.Fatalf("worker 0 = %+v", ts)
	}
}

// A goroutine whose every event was dropped still has a lane.
func TestDroppedGoroutineKeepsItsLane(t *testing.T) {
	rec := &trace.Recording{
		Events:     []trace.Event{{Time: 10, G: 1, Kind: trace.UserMark, Object: 0}},
		Goroutines: map[int64]string{1: "main", 9: "late"},
		Dropped:    4,
		DroppedBy:  map[int64]int64{9: 4},
		Duration:   20,
	}
	m := timeline.Build(rec)
	found := false
	for _, l := range m.Lanes {
		if l.G == 9 && l.Name == "late (4 events dropped)" {
			found = true
		}
	}
	if !found {
		t.Fatalf("lanes %+v", m.Lanes)
	}
}
