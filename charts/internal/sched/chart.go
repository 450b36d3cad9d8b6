package sched

import (
	"fmt"
	"strings"
	"time"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// waitKinds are the reasons that get their own colour (and legend entry).
var waitKinds = []struct{ reason, color string }{
	{"sync", "#e53935"},
	{"chan send", "#8e24aa"},
	{"chan receive", "#3949ab"},
	{"select", "#6d4c41"},
	{"sleep", "#90a4ae"},
}

// seriesFor names the legend entry and colour of a goroutine span.
func seriesFor(s Span) (string, string) {
	switch s.State {
	case Running:
		return "running on a P", "#43a047"
	case Runnable:
		return "runnable (waiting for a P)", "#ffb300"
	case Syscall:
		return "syscall", "#00897b"
	}
	for _, w := range waitKinds {
		if s.Reason == w.reason {
			return "waiting: " + w.reason, w.color
		}
	}
	return "waiting: other", "#bdbdbd"
}

// Chart lays the model out as a lane chart: one lane per P first, then one
// per goroutine.
func (m *Model) Chart(title string) *lanes.Chart {
	c := &lanes.Chart{Title: title, Duration: m.Duration}
	c.Subtitle = fmt.Sprintf("%d goroutines on %d processors (Ps), %d of them busy; at most %d running on a P at once",
		len(m.Goroutines), len(m.Procs), m.BusyProcs(), m.MaxParallel())
	if len(m.Notes) > 0 {
		c.Subtitle += " — " + strings.Join(m.Notes, "; ")
	}
	names := map[int64]string{}
	laneOf := map[int64]int{}
	for _, p := range m.Procs {
		c.Lanes = append(c.Lanes, fmt.Sprintf("P%d", p.ID))
	}
	for _, g := range m.Goroutines {
		name := g.Name
		if !strings.HasPrefix(name, "goroutine ") {
			name = fmt.Sprintf("%s (g%d)", name, g.ID)
		}
		names[g.ID] = name
		laneOf[g.ID] = len(c.Lanes)
		c.Lanes = append(c.Lanes, name)
	}
	idx := map[string]int{}
	add := func(name, color string, b lanes.Bar) {
		i, ok := idx[name]
		if !ok {
			c.Bars = append(c.Bars, lanes.BarSeries{Name: name, Color: color})
			i = len(c.Bars) - 1
			idx[name] = i
		}
		c.Bars[i].Bars = append(c.Bars[i].Bars, b)
	}
	for pi, p := range m.Procs {
		for _, r := range p.Runs {
			add("P running a goroutine", "#1e88e5", lanes.Bar{Lane: pi, Start: r.Start, End: r.End, Info: fmt.Sprintf("P%d runs %s", p.ID, names[r.G])})
		}
	}
	for _, g := range m.Goroutines {
		for _, s := range g.Spans {
			name, color := seriesFor(s)
			info := s.State.String()
			if s.Reason != "" {
				info += " (" + s.Reason + ")"
			}
			if s.Proc >= 0 {
				info += fmt.Sprintf(" on P%d", s.Proc)
			}
			if s.Site != "" {
				info += "\n" + s.Site
			}
			add(name, color, lanes.Bar{Lane: laneOf[g.ID], Start: s.Start, End: s.End, Info: info})
		}
	}
	if len(m.Wakes) > 0 {
		as := lanes.ArrowSeries{Name: "wake-ups", Color: "#546e7a", Dashed: true}
		for _, w := range m.Wakes {
			as.Arrows = append(as.Arrows, lanes.Arrow{FromLane: laneOf[w.From], From: w.At, ToLane: laneOf[w.To], To: w.At, Info: names[w.From] + " woke " + names[w.To]})
		}
		c.Arrows = append(c.Arrows, as)
	}
	c.Table = m.Table()
	return c
}

// Table returns the time each goroutine spent running, runnable, waiting
// and in syscalls, and each P's busy time.
func (m *Model) Table() *lanes.Table {
	t := &lanes.Table{Caption: "time in state (scheduler's view)", Columns: []string{"running on a P", "runnable", "waiting", "syscall"}}
	for _, p := range m.Procs {
		var d [4]int64
		for _, r := range p.Runs {
			d[Running] += int64(r.End - r.Start)
		}
		t.Rows = append(t.Rows, lanes.TableRow{Name: fmt.Sprintf("P%d", p.ID), Cells: cells(d)})
	}
	for _, g := range m.Goroutines {
		var d [4]int64
		for _, s := range g.Spans {
			if int(s.State) < len(d) {
				d[s.State] += int64(s.End - s.Start)
			}
		}
		t.Rows = append(t.Rows, lanes.TableRow{Name: g.Name, Cells: cells(d)})
	}
	return t
}

// cells formats a table row of durations in ns, leaving zeros blank.
func cells(d [4]int64) []string {
	out := make([]string, len(d))
	for i, v := range d {
		if v > 0 {
			out[i] = lanes.FormatDuration(time.Duration(v))
		}
	}
	return out
}
