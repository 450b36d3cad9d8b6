package scenario_test

import (
	"fmt"

	"github.com/fearless-go/fearless/charts/internal/scenario"
	"github.com/fearless-go/fearless/charts/internal/timeline"
)

// Record the two-worker run and list its lanes.
func ExampleWorkers() {
	m := timeline.Build(scenario.Workers())
	for _, l := range m.Lanes {
		fmt.Println(l.Name)
	}
	// Output:
	// main
	// worker-1
	// worker-2
}
