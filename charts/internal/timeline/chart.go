package timeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/fearless-go/fearless/charts/internal/lanes"
	"github.com/fearless-go/fearless/helpers/trace"
)

// pointGroups puts event kinds into the marker series a legend toggles.
var pointGroups = []struct {
	name, color, symbol string
	size                int
	kinds               []trace.Kind
}{
	{"spawn & join", "#00897b", "triangle", 9, []trace.Kind{trace.Spawn, trace.Join, trace.TaskSpawn, trace.TaskDone}},
	{"lock & unlock", "#ef6c00", "rect", 7, []trace.Kind{trace.Lock, trace.RLock, trace.Unlock, trace.RUnlock}},
	{"send & receive", "#6a1b9a", "circle", 7, []trace.Kind{trace.Send, trace.Recv}},
	{"marks", "#212121", "diamond", 9, []trace.Kind{trace.UserMark}},
	{"problems", "#d50000", "pin", 22, []trace.Kind{trace.Panic, trace.Deadlock, trace.LockOrder, trace.Poison}},
}

var arrowStyle = map[ArrowKind]struct {
	name, color string
	dashed      bool
}{
	MessageArrow: {"messages", "#6a1b9a", false},
	SpawnArrow:   {"spawns", "#00897b", true},
	JoinArrow:    {"joins", "#546e7a", true},
}

// layerOf says where each state is drawn on its lane.
func layerOf(s State) lanes.Layer {
	switch s {
	case Holding:
		return lanes.Below
	case UserSpan:
		return lanes.Above
	case Finished:
		return lanes.Thin
	}
	return lanes.Main
}

// Chart turns the model into a lane chart: one bar series per state that
// occurs, marker series per group of event kinds, one arrow series per
// kind of arrow, and the time-in-state table.
func (m *Model) Chart(title string) *lanes.Chart {
	c := &lanes.Chart{Title: title, Duration: m.Duration}
	c.Subtitle = fmt.Sprintf("%d events, %d lanes, %s", m.Events, len(m.Lanes), lanes.FormatDuration(m.Duration))
	if len(m.Notes) > 0 {
		c.Subtitle += " — " + strings.Join(m.Notes, "; ")
	}
	for _, l := range m.Lanes {
		name := l.Name
		switch {
		case l.Stuck:
			name += " (stuck)"
		case l.Panicked:
			name += " (panicked)"
		}
		c.Lanes = append(c.Lanes, name)
	}
	byState := make([]int, NumStates) // state -> series index + 1
	for _, s := range m.Spans {
		if byState[s.State] == 0 {
			c.Bars = append(c.Bars, lanes.BarSeries{Name: s.State.String(), Color: s.State.Color(), Layer: layerOf(s.State)})
			byState[s.State] = len(c.Bars)
		}
		info := s.State.String()
		if s.What != "" {
			info += ": " + s.What
		}
		if s.Stuck {
			info += "\nnever ended: stuck until the recording stopped"
		}
		if site := SiteString(s.Site); site != "" {
			info += "\n" + site
		}
		bs := &c.Bars[byState[s.State]-1]
		bs.Bars = append(bs.Bars, lanes.Bar{Lane: s.Lane, Start: s.Start, End: s.End, Info: info, Stuck: s.Stuck})
	}
	sortSeries(c.Bars)
	group := map[trace.Kind]int{}
	for i, g := range pointGroups {
		for _, k := range g.kinds {
			group[k] = i + 1
		}
	}
	seriesOf := map[int]int{} // group (0 = other) -> series index + 1
	for _, p := range m.Points {
		g := group[p.Kind]
		if seriesOf[g] == 0 {
			ps := lanes.PointSeries{Name: "other events", Color: "#757575", Symbol: "circle", Size: 5}
			if g > 0 {
				pg := pointGroups[g-1]
				ps = lanes.PointSeries{Name: pg.name, Color: pg.color, Symbol: pg.symbol, Size: pg.size}
			}
			c.Points = append(c.Points, ps)
			seriesOf[g] = len(c.Points)
		}
		info := p.What
		if site := SiteString(p.Site); site != "" {
			info += "\n" + site
		}
		ps := &c.Points[seriesOf[g]-1]
		ps.Points = append(ps.Points, lanes.Point{Lane: p.Lane, Time: p.Time, Info: info})
	}
	arrowsOf := map[ArrowKind]int{}
	for _, a := range m.Arrows {
		if arrowsOf[a.Kind] == 0 {
			st := arrowStyle[a.Kind]
			c.Arrows = append(c.Arrows, lanes.ArrowSeries{Name: st.name, Color: st.color, Dashed: st.dashed})
			arrowsOf[a.Kind] = len(c.Arrows)
		}
		as := &c.Arrows[arrowsOf[a.Kind]-1]
		as.Arrows = append(as.Arrows, lanes.Arrow{FromLane: a.FromLane, From: a.From, ToLane: a.ToLane, To: a.To, Info: a.What})
	}
	c.Table = m.Table()
	return c
}

// sortSeries lists bar series in the order of the State constants, so the
// legend reads the same in every chart.
func sortSeries(bs []lanes.BarSeries) {
	rank := map[string]int{}
	for s := State(0); s < stateCount; s++ {
		rank[s.String()] = int(s)
	}
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && rank[bs[j].Name] < rank[bs[j-1].Name]; j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}

// Table returns the time each lane spent in each state that occurs.
func (m *Model) Table() *lanes.Table {
	var used []State
	for s := State(0); s < stateCount; s++ {
		for _, l := range m.Lanes {
			if l.TimeIn[s] > 0 {
				used = append(used, s)
				break
			}
		}
	}
	t := &lanes.Table{Caption: "time in state per lane"}
	for _, s := range used {
		t.Columns = append(t.Columns, s.String())
	}
	for _, l := range m.Lanes {
		row := lanes.TableRow{Name: l.Name}
		for _, s := range used {
			cell := ""
			if d := l.TimeIn[s]; d > 0 {
				cell = lanes.FormatDuration(d)
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// SiteString writes a call site as the helpers' reports name it, with its
// code: "cell [5] line 12  mu.Lock()" in a notebook, "main.go:12  mu.Lock()"
// elsewhere; "" for none.
func SiteString(s *trace.Site) string {
	if s == nil || s.File == "" {
		return ""
	}
	out := s.Where
	if out == "" {
		out = fmt.Sprintf("%s:%d", filepath.Base(s.File), s.Line)
	}
	if s.Code != "" {
		out += "  " + s.Code
	}
	return out
}
