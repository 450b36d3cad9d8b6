package charts

import (
	"fmt"
	"os"
	"strings"

	"github.com/fearless-go/fearless/charts/sched"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Scheduler renders the Go scheduler's view of a recording started with
// trace.WithRuntime: goroutine states with their reasons, and one lane per
// processor (P). A nil recording means the recording in progress, which
// Scheduler stops (the runtime trace is complete only once stopped).
func Scheduler(rec *trace.Recording, opts ...Option) (*Output, error) {
	if rec == nil {
		rec = trace.Stop()
	}
	m, err := sched.Build(rec)
	if err != nil {
		return nil, err
	}
	cfg := newConfig("Scheduler", opts)
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
	return fromLanes(c, cfg, b.String())
}

// ShowScheduler displays the scheduler's view in the notebook cell. It
// takes the same arguments as Show; with no recording it stops the one in
// progress, which must have been started with trace.WithRuntime. Like
// Show, it works deferred: it shows the chart and re-panics.
func ShowScheduler(args ...any) {
	r := recover()
	rec, opts, err := parseArgs("ShowScheduler", args)
	if err == nil {
		var out *Output
		if out, err = Scheduler(rec, opts...); err == nil {
			display(out)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	if r != nil {
		panic(r)
	}
}
