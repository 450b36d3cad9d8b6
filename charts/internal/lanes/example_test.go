package lanes_test

import (
	"fmt"
	"time"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// Thin a chart for a 100-pixel plot: ten 1µs bars in a 1ms chart fall in
// one pixel and become one bar.
func ExampleMerge() {
	c := &lanes.Chart{Duration: time.Millisecond, Lanes: []string{"main"}, Bars: []lanes.BarSeries{{Name: "running"}}}
	for i := range 10 {
		start := time.Duration(i) * time.Microsecond
		c.Bars[0].Bars = append(c.Bars[0].Bars, lanes.Bar{Start: start, End: start + time.Microsecond})
	}
	m := lanes.Merge(c, 100)
	b := m.Bars[0].Bars[0]
	fmt.Println(len(m.Bars[0].Bars), b.Merged, b.Start, b.End)
	// Output: 1 10 0s 10µs
}
