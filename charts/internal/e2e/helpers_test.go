package e2e_test

import (
	"github.com/fearless-go/fearless/helpers/async"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/charts"
	"github.com/fearless-go/fearless/charts/internal/timeline"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Two named threads share a helper mutex and send their results to main
// over a helper channel; main receives both and joins both.
func TestTimelineOfHelperRun(t *testing.T) {
	trace.NameGoroutine("main")
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	counter := mutex.New(0)
	tx, rx := mpsc.Channel[int]()
	var handles []*thread.JoinHandle[struct{}]
	for _, name := range []string{"adder-1", "adder-2"} {
		tx := tx.Clone()
		handles = append(handles, thread.Spawn(func() struct{} {
			defer tx.Drop()
			for range 3 {
				g, err := counter.Lock()
				if err != nil {
					t.Error(err)
					return struct{}{}
				}
				*g.Ptr() += 1
				g.Unlock()
			}
			if err := tx.Send(1); err != nil {
				t.Error(err)
			}
			return struct{}{}
		}, thread.Name(name)))
	}
	tx.Drop()
	got := 0
	for v := range rx.Iter() {
		got += v
	}
	for _, h := range handles {
		if _, err := h.Join(); err != nil {
			t.Fatal(err)
		}
	}
	rec := trace.Stop()
	if got != 2 {
		t.Fatalf("received %d results, want 2", got)
	}
	m := timeline.Build(rec)
	var names []string
	for _, l := range m.Lanes {
		names = append(names, l.Name)
	}
	if strings.Join(names, ",") != "main,adder-1,adder-2" {
		t.Fatalf("lanes = %v", names)
	}
	count := map[timeline.ArrowKind]int{}
	for _, a := range m.Arrows {
		count[a.Kind]++
	}
	if count[timeline.MessageArrow] != 2 || count[timeline.SpawnArrow] != 2 || count[timeline.JoinArrow] != 2 {
		t.Fatalf("arrows = %v, want 2 messages, 2 spawns, 2 joins", count)
	}
	for i := 1; i <= 2; i++ {
		holds := 0
		for _, s := range m.Spans {
			if s.Lane == i && s.State == timeline.Holding {
				holds++
				if s.Site == nil || !strings.HasSuffix(s.Site.File, "helpers_test.go") {
					t.Errorf("hold's source line is %+v, want this test file", s.Site)
				}
			}
		}
		if holds != 3 || !m.Lanes[i].Finished {
			t.Errorf("%s: %d holds, finished %v", m.Lanes[i].Name, holds, m.Lanes[i].Finished)
		}
	}
	out, err := charts.Timeline(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.Text, "adder-1") || out.Size() > 100_000 {
		t.Fatalf("output: %d bytes\n%s", out.Size(), out.Text)
	}
}

// A thread that panics shows as panicked, with the panic marked.
func TestTimelineOfPanickingThread(t *testing.T) {
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	h := thread.Spawn(func() int { panic("no") }, thread.Name("doomed"))
	if _, err := h.Join(); err == nil {
		t.Fatal("panic not reported by Join")
	}
	m := timeline.Build(trace.Stop())
	i := m.LaneIndex("doomed")
	if i < 0 || !m.Lanes[i].Panicked || !m.Lanes[i].Finished {
		t.Fatalf("lanes = %+v", m.Lanes)
	}
}

// helpers/async with two workers: each task's TaskRun spans land on a
// worker lane and on the task's own lane.
func TestTimelineOfAsyncTasks(t *testing.T) {
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	_, err := async.BlockOn(async.New(func() int {
		tasks := []*async.Future[int]{
			async.New(func() int { async.Sleep(time.Millisecond); return 1 }),
			async.New(func() int { async.Sleep(time.Millisecond); return 2 }),
		}
		sum := 0
		for _, v := range async.Join(tasks...) {
			sum += v
		}
		return sum
	}), async.Workers(2))
	if err != nil {
		t.Fatal(err)
	}
	m := timeline.Build(trace.Stop())
	workers, taskLanes := 0, 0
	for i, l := range m.Lanes {
		if l.Kind == timeline.WorkerLane {
			workers++
			if m.TimeInState(i, timeline.Task) == 0 {
				t.Errorf("%s ran no task", l.Name)
			}
		}
		if strings.HasPrefix(l.Name, "task ") {
			taskLanes++
		}
	}
	if workers == 0 || workers > 2 || taskLanes == 0 {
		t.Fatalf("lanes = %+v", m.Lanes)
	}
}
