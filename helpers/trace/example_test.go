package trace_test

import (
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
