package charts

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/charts/internal/lanes"
	"github.com/fearless-go/fearless/charts/internal/svg"
	"github.com/fearless-go/fearless/charts/internal/timeline"
	"github.com/fearless-go/fearless/helpers/trace"
)

var svgLanes = svg.Lanes

// Timeline renders a recording's timeline. A nil recording means the one
// given with the Recording option, else everything recorded so far
// (trace.Snapshot).
func Timeline(rec *trace.Recording, opts ...Option) (*Output, error) {
	cfg := newConfig("Timeline", opts)
	if rec == nil {
		rec = cfg.rec
	}
	if rec == nil {
		rec = trace.Snapshot()
	}
	m := timeline.Build(rec)
	c := m.Chart(cfg.title)
	if len(rec.Events) == 0 {
		c.Subtitle = "nothing was recorded"
		if !trace.Enabled() {
			c.Subtitle += " (recording is off: call trace.Start(), or run in a notebook cell)"
		}
	}
	return fromLanes(c, cfg, timelineText(m, c))
}

// timelineText summarises a timeline in words: lanes, time in state,
// arrows, and anything that went wrong.
func timelineText(m *timeline.Model, c *lanes.Chart) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", c.Title, c.Subtitle)
	for _, n := range m.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	width := 4
	for _, l := range c.Lanes {
		width = max(width, len([]rune(l)))
	}
	for i, l := range m.Lanes {
		var parts []string
		for s := timeline.State(0); int(s) < timeline.NumStates; s++ {
			if d := l.TimeIn[s]; d > 0 {
				parts = append(parts, fmt.Sprintf("%s %s", s, lanes.FormatDuration(d)))
			}
		}
		fmt.Fprintf(&b, "%-*s  %s\n", width, c.Lanes[i], strings.Join(parts, ", "))
	}
	counts := map[timeline.ArrowKind]int{}
	for _, a := range m.Arrows {
		counts[a.Kind]++
	}
	if len(m.Arrows) > 0 {
		fmt.Fprintf(&b, "arrows: %d messages, %d spawns, %d joins\n", counts[timeline.MessageArrow], counts[timeline.SpawnArrow], counts[timeline.JoinArrow])
	}
	for _, p := range m.Points {
		switch p.Kind {
		case trace.Panic, trace.Deadlock, trace.LockOrder, trace.Poison:
			fmt.Fprintf(&b, "problem on %s at %s: %s", c.Lanes[p.Lane], lanes.FormatDuration(p.Time), p.What)
			if s := timeline.SiteString(p.Site); s != "" {
				fmt.Fprintf(&b, " (%s)", s)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}
