package charts

import (
	"fmt"
	"os"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// Show displays the timeline of a recording in the notebook cell: one
// output with the interactive chart, its static picture and a text
// summary. Options are optional: Recording (none means everything recorded
// so far), Title and the others.
//
// Write it as `defer charts.Show()` at the top of main to see the timeline
// even when main panics (a deadlock report, say): Show then records the
// panic on main's lane, shows the chart, and panics again with the same
// value, so the cell still fails as it should.
//
// Outside a notebook (go run, go test) Show prints the text summary.
func Show(opts ...Option) {
	showThenRepanic(recover(), Timeline, opts)
}

// ShowScheduler displays the scheduler's view in the notebook cell. It
// takes the same options as Show; with no Recording it stops the one in
// progress, which must have been started with trace.WithRuntime. Like
// Show, it works deferred: it shows the chart and re-panics.
func ShowScheduler(opts ...Option) {
	showThenRepanic(recover(), Scheduler, opts)
}

// showThenRepanic is Show and ShowScheduler: r is what the deferred call
// recovered (nil if main did not panic).
func showThenRepanic(r any, render func(*trace.Recording, ...Option) (*Output, error), opts []Option) {
	if r != nil && trace.Enabled() {
		primitive.Emit(trace.Panic, trace.Instant, 0, 0, 0)
	}
	if out, err := render(nil, opts...); err != nil {
		fmt.Fprintln(os.Stderr, err)
	} else {
		display(out)
	}
	if r != nil {
		panic(r)
	}
}

// Display sends an output to the notebook cell, or prints its text summary
// outside a notebook.
func (o *Output) Display() { display(o) }

func display(o *Output) {
	if !gonbui.IsNotebook {
		fmt.Print(o.Text)
		return
	}
	data := map[protocol.MIMEType]any{}
	for k, v := range o.MIME() {
		data[protocol.MIMEType(k)] = v // strings only: gob cannot send a map value
	}
	gonbui.SendData(&protocol.DisplayData{Data: data})
	gonbui.Sync() // a cell's process may exit right after: flush first
}
