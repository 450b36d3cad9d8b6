package lanes

import "time"

// Chart is a lane chart ready to draw.
type Chart struct {
	Title    string
	Subtitle string        // one line under the title: counts, dropped events
	Duration time.Duration // the time axis runs from 0 to Duration
	Lanes    []string      // lane names, top to bottom
	Bars     []BarSeries
	Points   []PointSeries
	Arrows   []ArrowSeries
	Table    *Table // time in state per lane; nil for none
}

// Layer says where on its lane a bar is drawn. The main layer holds the
// lane's exclusive state (running, waiting...); the others are thin bands
// for things that overlap it, such as a lock being held.
type Layer uint8

// The layers, from the lane's centre outwards.
const (
	Main  Layer = iota // the lane's state: a thick bar
	Below              // a thin band under the main bar (holding a lock)
	Above              // a thin band over the main bar (a user span)
	Thin               // a thin line in the middle (a finished thread)
)

// BarSeries is one state's bars; the legend shows and hides it as a whole.
type BarSeries struct {
	Name  string
	Color string // CSS colour, such as "#4c9a2a"
	Layer Layer
	Bars  []Bar
}

// Bar is a span of time on one lane.
type Bar struct {
	Lane       int
	Start, End time.Duration
	Info       string // tooltip: what, which object, where in the source
	Stuck      bool   // never ended: it lasted until the recording stopped
	Merged     int    // how many bars this one stands for, when more than one
}

// PointSeries is one kind of point marker.
type PointSeries struct {
	Name   string
	Color  string
	Symbol string // ECharts symbol name: circle, rect, triangle, diamond, pin
	Size   int    // in pixels
	Points []Point
}

// Point is an instant on one lane.
type Point struct {
	Lane   int
	Time   time.Duration
	Info   string
	Merged int // how many points this one stands for, when more than one
}

// ArrowSeries is one kind of arrow, such as messages or spawns.
type ArrowSeries struct {
	Name   string
	Color  string
	Dashed bool
	Arrows []Arrow
}

// Arrow goes from a point on one lane to a point on another (or the same).
type Arrow struct {
	FromLane int
	From     time.Duration
	ToLane   int
	To       time.Duration
	Info     string
	Merged   int
}

// Table is a small table of numbers, such as the time each lane spent in
// each state.
type Table struct {
	Caption string
	Columns []string   // column headers after the row name
	Rows    []TableRow // one per lane
}

// TableRow is one row of a Table.
type TableRow struct {
	Name  string
	Cells []string
}

// Count returns the number of bars, points and arrows in the chart.
func (c *Chart) Count() (bars, points, arrows int) {
	for _, s := range c.Bars {
		bars += len(s.Bars)
	}
	for _, s := range c.Points {
		points += len(s.Points)
	}
	for _, s := range c.Arrows {
		arrows += len(s.Arrows)
	}
	return bars, points, arrows
}
