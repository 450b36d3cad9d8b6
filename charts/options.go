package charts

import "github.com/fearless-go/fearless/helpers/trace"

// Option configures a chart: Recording, Title, ElementID, Width. Show,
// ShowScheduler, WriteHTML, Timeline and Scheduler take them, so a wrong
// argument is a compile error.
type Option func(*config)

type config struct {
	rec   *trace.Recording
	title string
	id    string
	width int
}

// Recording sets the recording to chart. Without it, Show, WriteHTML and
// Timeline chart everything recorded so far (trace.Snapshot), and
// ShowScheduler and Scheduler stop the recording in progress and chart it.
// If several are given, the last counts.
func Recording(rec *trace.Recording) Option { return func(c *config) { c.rec = rec } }

// Title sets the chart's title.
func Title(s string) Option { return func(c *config) { c.title = s } }

// ElementID sets the HTML element id of the chart instead of a random one,
// for reproducible output.
func ElementID(id string) Option { return func(c *config) { c.id = id } }

// Width sets the interactive chart's maximum width in pixels (default 1100).
func Width(px int) Option { return func(c *config) { c.width = px } }

func newConfig(title string, opts []Option) *config {
	c := &config{title: title}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}
