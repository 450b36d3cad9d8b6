package timeline_test

import (
	"testing"

	"github.com/fearless-go/fearless/charts/internal/scenario"
	"github.com/fearless-go/fearless/charts/internal/timeline"
)

// A real run: two threads share a mutex and send to main over a channel.
func TestRecordedRunStructure(t *testing.T) {
	m := timeline.Build(scenario.Workers())
	if got := laneNames(m); got != "main,worker-1,worker-2" {
		t.Fatalf("lanes = %s (want main first, then threads in spawn order)", got)
	}
	count := map[timeline.ArrowKind]int{}
	for _, a := range m.Arrows {
		count[a.Kind]++
		if a.To < a.From {
			t.Errorf("arrow goes back in time: %+v", a)
		}
		if a.Kind == timeline.MessageArrow && (a.ToLane != 0 || a.FromLane == 0) {
			t.Errorf("message arrow not from a worker to main: %+v", a)
		}
	}
	if count[timeline.MessageArrow] != 2 || count[timeline.SpawnArrow] != 2 || count[timeline.JoinArrow] != 2 {
		t.Fatalf("arrows = %v, want 2 messages, 2 spawns, 2 joins", count)
	}
	for _, w := range []string{"worker-1", "worker-2"} {
		if h := spansOf(m, w, timeline.Holding); len(h) != 3 {
			t.Errorf("%s holds the lock %d times, want 3", w, len(h))
		}
		if len(spansOf(m, w, timeline.Running)) == 0 || len(spansOf(m, w, timeline.Finished)) != 1 {
			t.Errorf("%s lacks running or finished spans", w)
		}
		l := m.Lanes[m.LaneIndex(w)]
		if !l.Finished || l.Stuck || l.End > m.Duration {
			t.Errorf("%s lane = %+v", w, l)
		}
	}
	if s := spansOf(m, "main", timeline.Sleeping); len(s) != 1 {
		t.Errorf("main sleeps %d times, want 1", len(s))
	}
	// Spans on one lane's main layer never overlap.
	last := map[int]int64{}
	for _, s := range m.Spans {
		if s.State == timeline.Holding || s.State == timeline.UserSpan {
			continue
		}
		if int64(s.Start) < last[s.Lane] {
			t.Errorf("overlapping spans on lane %d at %v", s.Lane, s.Start)
		}
		last[s.Lane] = int64(s.End)
		if s.Site == nil && s.State != timeline.Running && s.State != timeline.Finished {
			t.Errorf("span without a source line: %+v", s)
		}
	}
	c := m.Chart("workers")
	bars, points, arrows := c.Count()
	if bars != len(m.Spans) || points != len(m.Points) || arrows != len(m.Arrows) {
		t.Fatalf("chart has %d/%d/%d items, model %d/%d/%d", bars, points, arrows, len(m.Spans), len(m.Points), len(m.Arrows))
	}
}
