package svg_test

import (
	"bytes"
	"fmt"

	"github.com/fearless-go/fearless/charts/internal/svg"
	"github.com/fearless-go/fearless/charts/plot"
)

// Draw a histogram of the outcomes of a racy counter.
func ExamplePlot() {
	pic := svg.Plot(plot.Histogram("final count", []float64{1998, 2000, 2000, 1999}, 0))
	fmt.Println(bytes.HasPrefix(pic, []byte("<svg ")), bytes.Contains(pic, []byte("final count")))
	// Output: true true
}
