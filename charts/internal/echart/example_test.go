package echart_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/fearless-go/fearless/charts/internal/echart"
	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// Make the HTML fragment of a one-lane chart: a div with the static
// picture, and a script that draws the chart once ECharts is loaded.
func ExampleFragment() {
	c := &lanes.Chart{Duration: time.Millisecond, Lanes: []string{"main"},
		Bars: []lanes.BarSeries{{Name: "running", Color: "#43a047", Bars: []lanes.Bar{{End: time.Millisecond}}}}}
	f := &echart.Fragment{ID: "fearless-demo", Chart: echart.Lanes(c), Static: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	h, err := f.HTML()
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.HasPrefix(h, `<div id="fearless-demo"`), strings.Contains(h, "data:image/svg+xml"), strings.Contains(h, echart.LibraryPath))
	// Output: true true true
}
