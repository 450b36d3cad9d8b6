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
// summary. Its arguments are optional: a *trace.Recording (none means
// everything recorded so far) and Options such as Title.
//
// Write it as `defer charts.Show()` at the top of main to see the timeline
// even when main panics (a deadlock report, say): Show then records the
// panic on main's lane, shows the chart, and panics again with the same
// value, so the cell still fails as it should.
//
// Outside a notebook (go run, go test) Show prints the text summary.
func Show(args ...any) {
	r := recover()
	if r != nil && trace.Enabled() {
		primitive.Emit(trace.Panic, trace.Instant, 0, 0, 0)
	}
	rec, opts, err := parseArgs("Show", args)
	if err == nil {
		var out *Output
		if out, err = Timeline(rec, opts...); err == nil {
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

// parseArgs sorts Show's arguments into a recording and options.
func parseArgs(fn string, args []any) (*trace.Recording, []Option, error) {
	var rec *trace.Recording
	var opts []Option
	for _, a := range args {
		switch v := a.(type) {
		case *trace.Recording:
			if rec != nil {
				return nil, nil, fmt.Errorf("charts: %s takes one recording, got two (show each with its own call)", fn)
			}
			rec = v
		case Option:
			opts = append(opts, v)
		case nil:
		default:
			return nil, nil, fmt.Errorf("charts: %s does not take a %T (pass a *trace.Recording and options such as charts.Title(\"...\"))", fn, a)
		}
	}
	return rec, opts, nil
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
