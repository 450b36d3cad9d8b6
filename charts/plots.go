package charts

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/fearless-go/fearless/charts/internal/echart"
	"github.com/fearless-go/fearless/charts/internal/svg"
	"github.com/fearless-go/fearless/charts/plot"
)

// Series is one named list of values for Line and Bar: one value per x
// position (NaN for a gap).
type Series = plot.Series

// Histogram plots how often each outcome occurs, such as the final value
// of a racy counter over many runs. bins <= 0 counts each distinct value
// (when there are at most 40), otherwise values fall into that many bins.
// Call Display on the result to show it in the cell.
func Histogram(title string, values []float64, bins int, opts ...Option) *Output {
	return Figure(plot.Histogram(title, values, bins), opts...)
}

// Line plots measures against a parameter, such as throughput against
// the number of goroutines, one line per series.
func Line(title, xName, yName string, x []float64, series []Series, opts ...Option) *Output {
	return Figure(plot.Line(title, xName, yName, x, series...), opts...)
}

// Bar plots measures over named categories, one bar per series in each.
func Bar(title, xName, yName string, categories []string, series []Series, opts ...Option) *Output {
	return Figure(plot.Bar(title, xName, yName, categories, series...), opts...)
}

// Figure renders any plot.Figure in every output form.
func Figure(f *plot.Figure, opts ...Option) *Output {
	cfg := newConfig(f.Title, opts)
	f.Title = cfg.title
	static := svg.Plot(f)
	frag := &echart.Fragment{ID: cfg.id, Title: f.Title, Width: cfg.width, Chart: echart.Plot(f), Static: static}
	h, err := frag.HTML()
	if err != nil { // cannot happen with finite data; keep the picture anyway
		frag.Chart = nil
		h, _ = frag.HTML()
		h += "<pre>" + html.EscapeString(err.Error()) + "</pre>"
	}
	return &Output{HTML: h, SVG: static, Text: figureText(f)}
}

// figureText lists a figure's values as a small text table.
func figureText(f *plot.Figure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", f.Title)
	header := []string{f.XName}
	for _, s := range f.Series {
		header = append(header, s.Name)
	}
	b.WriteString(strings.Join(header, "\t") + "\n")
	for j := 0; j < f.Points(); j++ {
		row := []string{}
		if f.Kind == plot.Lines {
			row = append(row, strconv.FormatFloat(f.X[j], 'g', 6, 64))
		} else {
			row = append(row, f.Labels[j])
		}
		for _, s := range f.Series {
			v := ""
			if j < len(s.Values) {
				v = strconv.FormatFloat(s.Values[j], 'g', 6, 64)
			}
			row = append(row, v)
		}
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	return b.String()
}
