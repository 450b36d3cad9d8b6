package timeline

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
)

// finish closes what is still open when the recording stopped, names the
// worker lanes, and puts the lanes in order: main first, then by start.
func (b *builder) finish() {
	d := b.rec.Duration
	for _, ls := range b.ls {
		d = max(d, ls.last)
	}
	b.m.Duration = d
	// A goroutine whose every event was dropped still gets its lane, empty,
	// so the full buffer cannot hide that it ran.
	for _, g := range slices.Sorted(maps.Keys(b.rec.DroppedBy)) {
		if _, ok := b.goLane[g]; !ok {
			name := fmt.Sprintf("%s (%d events dropped)", b.rec.GoroutineName(g), b.rec.DroppedBy[g])
			b.goLane[g] = b.addLane(Lane{Name: name, Kind: GoroutineLane, G: g, Start: d, Worker: -1})
		}
	}
	for i, ls := range b.ls {
		l := &b.m.Lanes[i]
		switch {
		case ls.ended:
			what := "returned"
			if l.Panicked {
				what = "died of a panic"
			}
			if d > l.End {
				b.addSpan(openSpan{frame: frame{state: Finished, what: what}, lane: i, start: l.End}, d, false)
			}
			continue
		case len(ls.stack) == 0:
			l.End = ls.last
		default:
			top := ls.stack[len(ls.stack)-1]
			endAt := d
			if len(ls.stack) == 1 && top.state == Running && !ls.threadRun && l.Name != "main" && l.Kind == GoroutineLane {
				// A goroutine we only know from its events: it ran at least
				// until its last one.
				endAt = ls.last
			}
			stuck := false
			for _, f := range ls.stack {
				if f.state.IsWait() {
					stuck = true
				}
			}
			l.Stuck = stuck
			if endAt > ls.segStart || stuck {
				b.addSpan(openSpan{frame: top, lane: i, start: ls.segStart}, endAt, top.state.IsWait())
			}
			l.End = endAt
		}
		for _, u := range ls.user {
			u.what += " (still open)"
			b.addSpan(u, d, false)
		}
	}
	for _, h := range b.sortedHolds() {
		h.what += " (never released)"
		b.addSpan(h, d, true)
	}
	if b.m.Dropped > 0 {
		b.m.Notes = append(b.m.Notes, fmt.Sprintf("%d events were dropped because the recorder's buffer was full: the timeline is incomplete (raise trace.Capacity)", b.m.Dropped))
	}
	if b.unpaired > 0 {
		b.m.Notes = append(b.m.Notes, fmt.Sprintf("%d span ends had no beginning in the recording (it started in the middle of them) and were skipped", b.unpaired))
	}
	b.nameWorkers()
	b.order()
}

func (b *builder) sortedHolds() []openSpan {
	hs := make([]openSpan, 0, len(b.holds))
	for _, h := range b.holds {
		hs = append(hs, h)
	}
	slices.SortFunc(hs, func(a, b openSpan) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.lane, b.lane), cmp.Compare(a.obj, b.obj))
	})
	return hs
}

// nameWorkers names worker lanes "worker 0"… and the lanes of an async
// blocking pool's threads "blocking 0"… (worker -1, -2…), adding the
// executor when a recording has more than one, and makes every lane name
// unique.
func (b *builder) nameWorkers() {
	execs := map[uint64]bool{}
	for k := range b.workers {
		execs[k.exec] = true
	}
	for k, i := range b.workers {
		name := fmt.Sprintf("worker %d", k.worker)
		if k.worker < 0 {
			name = fmt.Sprintf("blocking %d", -1-k.worker)
		}
		if len(execs) > 1 {
			name = fmt.Sprintf("%s %s", b.name(k.exec), name)
		}
		b.m.Lanes[i].Name = name
	}
	seen := map[string]int{}
	for i := range b.m.Lanes {
		l := &b.m.Lanes[i]
		seen[l.Name]++
		if seen[l.Name] > 1 && l.Kind == GoroutineLane {
			l.Name = fmt.Sprintf("%s (goroutine %d)", l.Name, l.G)
		}
	}
}

// order puts main first and the other lanes by when they started, keeping
// creation order among equals, and renumbers every reference to a lane.
func (b *builder) order() {
	n := len(b.m.Lanes)
	perm := make([]int, n) // new position -> old index
	for i := range perm {
		perm[i] = i
	}
	lanes := b.m.Lanes
	slices.SortStableFunc(perm, func(x, y int) int {
		mx, my := lanes[x].Name == "main", lanes[y].Name == "main"
		if mx != my {
			if mx {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.sortKey[x], b.sortKey[y])
	})
	newIdx := make([]int, n)
	sorted := make([]Lane, n)
	for pos, old := range perm {
		newIdx[old] = pos
		sorted[pos] = lanes[old]
	}
	b.m.Lanes = sorted
	for i := range b.m.Spans {
		b.m.Spans[i].Lane = newIdx[b.m.Spans[i].Lane]
	}
	for i := range b.m.Points {
		b.m.Points[i].Lane = newIdx[b.m.Points[i].Lane]
	}
	for i := range b.m.Arrows {
		b.m.Arrows[i].FromLane = newIdx[b.m.Arrows[i].FromLane]
		b.m.Arrows[i].ToLane = newIdx[b.m.Arrows[i].ToLane]
	}
}

// TimeInState returns how long lane i spent in state s.
func (m *Model) TimeInState(i int, s State) time.Duration { return m.Lanes[i].TimeIn[s] }
