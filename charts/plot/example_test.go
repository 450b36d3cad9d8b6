package plot_test

import (
	"fmt"

	"github.com/fearless-go/fearless/charts/plot"
)

// Count the outcomes of ten runs of a racy counter.
func ExampleHistogram() {
	f := plot.Histogram("final count", []float64{2000, 1998, 2000, 1999, 2000, 2000, 1997, 2000, 2000, 1999}, 0)
	for i, label := range f.Labels {
		fmt.Println(label, f.Series[0].Values[i])
	}
	// Output:
	// 1997 1
	// 1998 1
	// 1999 2
	// 2000 6
}
