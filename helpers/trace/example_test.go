package trace_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/fearless-go/fearless/helpers/trace"
)

// Record a span and a mark, then read the events back.
func Example() {
	trace.Start()
	func() {
		defer trace.Span("load config").End()
		trace.Mark("config read")
	}()
	rec := trace.Stop()
	for _, e := range rec.Events {
		fmt.Println(e.Kind, e.Phase, rec.ObjectName(e.Object), "on", rec.GoroutineName(e.G))
	}
	// Output:
	// span B load config on main
	// mark i config read on main
	// span E load config on main
}

// Export a recording for ui.perfetto.dev or chrome://tracing: write it to
// a file (here, a buffer) with WriteChromeTrace and open that file there.
func ExampleRecording_WriteChromeTrace() {
	trace.Start()
	func() {
		defer trace.Span("load config").End()
	}()
	rec := trace.Stop()
	var buf bytes.Buffer
	if err := rec.WriteChromeTrace(&buf); err != nil {
		fmt.Println(err)
	}
	var file struct {
		TraceEvents []struct{ Name, Ph string }
	}
	json.Unmarshal(buf.Bytes(), &file)
	for _, e := range file.TraceEvents {
		fmt.Println(e.Ph, e.Name)
	}
	// Output:
	// M process_name
	// M thread_name
	// M thread_sort_index
	// X load config
}
