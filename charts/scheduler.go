package charts

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/charts/internal/sched"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Scheduler renders the Go scheduler's view of a recording started with
// trace.WithRuntime: goroutine states with their reasons, and one lane per
// processor (P). A nil recording means the one given with the Recording
// option, else the recording in progress, which Scheduler stops (the
// runtime trace is complete only once stopped).
func Scheduler(rec *trace.Recording, opts ...Option) (*Output, error) {
	cfg := newConfig("Scheduler", opts)
	if rec == nil {
		rec = cfg.rec
	}
	if rec == nil {
		rec = trace.Stop()
	}
	m, err := sched.Build(rec)
	if err != nil {
		return nil, err
	}
	c := m.Chart(cfg.title)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", c.Title, c.Subtitle)
	for _, r := range c.Table.Rows {
		fmt.Fprintf(&b, "%-20s", r.Name)
		for i, cell := range r.Cells {
			if cell != "" {
				fmt.Fprintf(&b, "  %s %s", c.Table.Columns[i], cell)
			}
		}
		b.WriteString("\n")
	}
	out, err := fromLanes(c, cfg, b.String())
	if out != nil {
		out.Sched = &SchedStats{Goroutines: len(m.Goroutines), Procs: len(m.Procs), BusyProcs: m.BusyProcs(), MaxRunning: m.MaxParallel()}
	}
	return out, err
}
