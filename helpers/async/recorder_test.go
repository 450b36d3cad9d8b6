package async_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// lanes returns each goroutine's events as "kind+phase(object)/value" words,
// with objects named by role.
func lanes(rec *trace.Recording, roles map[uint64]string) map[int64]string {
	out := map[int64]string{}
	for _, e := range rec.Events {
		w := e.Kind.String() + e.Phase.String()
		if r, ok := roles[e.Object]; ok {
			w += "(" + r + ")"
		}
		if e.Kind == trace.TaskRun {
			w += fmt.Sprintf("/%d", e.Value)
		}
		out[e.G] = strings.TrimSpace(out[e.G] + " " + w)
	}
	return out
}

func TestRecorderSeesTasksWorkersAndWaits(t *testing.T) {
	testutil.Record(t)
	var child *async.Handle[int]
	_, err := async.BlockOn(async.New(func() int {
		child = async.Spawn(async.New(func() int {
			async.Sleep(time.Millisecond)
			return 1
		}))
		child.Await()
		return 0
	}))
	rec := trace.Stop()
	if err != nil {
		t.Fatal(err)
	}

	var root, exec uint64
	for _, e := range rec.Events {
		if e.Kind == trace.TaskSpawn && root == 0 {
			root, exec = e.Object, uint64(e.Value)
		}
	}
	if primitive.KindOf(root) != trace.TaskObject || primitive.KindOf(exec) != trace.ExecutorObject {
		t.Fatalf("first TaskSpawn: task %d (%s) on executor %d (%s)", root, primitive.KindOf(root), exec, primitive.KindOf(exec))
	}
	roles := map[uint64]string{root: "root", child.TraceID(): "child"}
	got := lanes(rec, roles)
	var caller, rootG, childG int64
	for g, seq := range got {
		switch {
		case strings.HasPrefix(seq, "task-spawni(root)"):
			caller = g
		case strings.HasPrefix(seq, "task-runB(root)"):
			rootG = g
		case strings.HasPrefix(seq, "task-runB(child)"):
			childG = g
		}
	}
	want := map[int64]string{
		caller: "task-spawni(root) joinB(root) joinE(root)",
		rootG: "task-runB(root)/0 task-spawni(child) task-runE(root)/0 joinB(child) joinE(child) " +
			"task-runB(root)/0 task-runE(root)/0 task-donei(root)",
		childG: "task-runB(child)/0 task-runE(child)/0 sleepB(child) sleepE(child) " +
			"task-runB(child)/0 task-runE(child)/0 task-donei(child)",
	}
	for g, w := range want {
		if got[g] != w {
			t.Errorf("lane %s:\n got %s\nwant %s", rec.GoroutineName(g), got[g], w)
		}
	}
	if len(got) != 3 {
		t.Errorf("events on %d goroutines, want 3: %v", len(got), got)
	}
	for g, role := range map[int64]uint64{rootG: root, childG: child.TraceID()} {
		if name := rec.GoroutineName(g); name != primitive.DefaultName(role) {
			t.Errorf("task goroutine named %q, want %q", name, primitive.DefaultName(role))
		}
	}
	// Events caused by a call in this file point at it.
	for _, e := range rec.Events {
		if e.Kind == trace.TaskRun || e.Kind == trace.TaskDone {
			continue // the executor's own doing
		}
		if e.Site == nil || !strings.HasSuffix(e.Site.File, "recorder_test.go") {
			t.Errorf("%s%s event has site %+v, want a line in recorder_test.go", e.Kind, e.Phase, e.Site)
		}
	}
}

// Property: a worker is held by one task at a time, and tasks hold at most
// Workers(n) workers, numbered 0 to n-1.
func TestWorkerLanesNeverOverlap(t *testing.T) {
	testutil.Record(t)
	const workers = 2
	block(t, func() int {
		futs := make([]*async.Future[int], 6)
		for i := range futs {
			futs[i] = async.New(func() int {
				for range 10 {
					async.Sleep(time.Duration(i) * 100 * time.Microsecond)
				}
				return 0
			})
		}
		hs := make([]*async.Handle[int], len(futs))
		for i, f := range futs {
			hs[i] = async.Spawn(f)
		}
		async.JoinAll(hs...)
		return 0
	}, async.Workers(workers))
	rec := trace.Stop()
	var evs []trace.Event
	for _, e := range rec.Events {
		if e.Kind == trace.TaskRun {
			evs = append(evs, e)
		}
	}
	// A release is recorded before the handoff and a take after it; at equal
	// times, count the release first.
	slices.SortStableFunc(evs, func(a, b trace.Event) int {
		if a.Time != b.Time {
			return int(a.Time - b.Time)
		}
		return int(b.Phase) - int(a.Phase)
	})
	holder := map[int64]int64{} // worker -> goroutine holding it
	for _, e := range evs {
		if e.Value < 0 || e.Value >= workers {
			t.Fatalf("worker index %d with Workers(%d)", e.Value, workers)
		}
		h, held := holder[e.Value]
		switch {
		case e.Phase == trace.Begin && held:
			t.Fatalf("at %v goroutine %d took worker %d, which goroutine %d holds", e.Time, e.G, e.Value, h)
		case e.Phase == trace.Begin:
			holder[e.Value] = e.G
		case !held || h != e.G:
			t.Fatalf("at %v goroutine %d released worker %d, which it does not hold", e.Time, e.G, e.Value)
		default:
			delete(holder, e.Value)
		}
	}
	if len(evs) < 2*(1+6*11) || len(holder) != 0 {
		t.Fatalf("%d worker events, %d workers still held", len(evs), len(holder))
	}
}

// A panicking task records a Panic event before it ends.
func TestRecorderSeesPanic(t *testing.T) {
	testutil.Record(t)
	var id uint64
	block(t, func() int {
		h := async.Spawn(async.New(func() int { panic("x") }))
		id = h.TraceID()
		h.Await()
		return 0
	})
	rec := trace.Stop()
	var seq []string
	for _, e := range rec.Events {
		if e.Object == id && e.Kind != trace.TaskRun && e.Kind != trace.Join { // Join is on the awaiting lane
			seq = append(seq, e.Kind.String()+e.Phase.String())
		}
	}
	if got := strings.Join(seq, " "); got != "task-spawni panici task-donei" {
		t.Fatalf("events for the panicking task: %s", got)
	}
}

// A task cancelled in an async Sleep closes its Sleep span and records
// TaskDone with Value 1.
func TestRecorderSeesCancellation(t *testing.T) {
	testutil.Record(t)
	var id uint64
	block(t, func() int {
		h := async.Spawn(async.New(func() int { async.Sleep(time.Hour); return 0 }))
		id = h.TraceID()
		async.YieldNow() // let it reach its Sleep
		return 0
	})
	rec := trace.Stop()
	var seq []string
	for _, e := range rec.Events {
		if e.Object == id {
			seq = append(seq, fmt.Sprintf("%s%s/%d", e.Kind, e.Phase, e.Value))
		}
	}
	want := fmt.Sprintf("task-spawni/%d task-runB/0 task-runE/0 sleepB/%d sleepE/%d task-donei/1",
		rec.Events[0].Value, time.Hour, time.Hour)
	if got := strings.Join(seq, " "); got != want {
		t.Fatalf("events of the cancelled task:\n got %s\nwant %s", got, want)
	}
}
