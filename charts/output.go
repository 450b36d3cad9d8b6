package charts

import (
	"github.com/fearless-go/fearless/charts/internal/echart"
	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// The MIME types of an Output.
const (
	MIMEHTML = "text/html"
	MIMESVG  = "image/svg+xml"
	MIMEText = "text/plain"
)

// Output is one chart in the three forms a notebook output carries.
type Output struct {
	HTML string // the interactive chart; its div holds the static picture until it draws
	SVG  []byte // the static picture
	Text string // a short summary in words and numbers
	// Sched is what a scheduler view counted (nil for other charts), for a
	// cell to state as a claim (helpers/claim).
	Sched *SchedStats
}

// SchedStats are the counts a scheduler view's summary line states.
type SchedStats struct {
	Goroutines int // user goroutines in the trace
	Procs      int // processors (Ps)
	BusyProcs  int // Ps that ran a goroutine
	MaxRunning int // the most goroutines running on a P at the same instant
}

// MIME returns the output as a notebook display_data bundle: MIME type to
// content.
func (o *Output) MIME() map[string]string {
	return map[string]string{MIMEHTML: o.HTML, MIMESVG: string(o.SVG), MIMEText: o.Text}
}

// Size returns the number of bytes the output adds to a notebook.
func (o *Output) Size() int { return len(o.HTML) + len(o.SVG) + len(o.Text) }

// MaxItems bounds the bars, points and arrows of an interactive chart:
// beyond it, short spans are merged more coarsely than one pixel (see
// lanes.Thin), which keeps any chart's output under about 1 MB.
const MaxItems = 8000

// fromLanes renders a lane chart in every form.
func fromLanes(c *lanes.Chart, cfg *config, text string) (*Output, error) {
	merged, _ := lanes.MergeWithin(c, lanes.DefaultWidth, MaxItems)
	static := svgLanes(c)
	frag := &echart.Fragment{
		ID: cfg.id, Title: c.Title, Subtitle: c.Subtitle, Width: cfg.width,
		Chart: echart.Lanes(merged), Static: static, Table: c.Table,
	}
	h, err := frag.HTML()
	if err != nil {
		return nil, err
	}
	return &Output{HTML: h, SVG: static, Text: text}, nil
}
