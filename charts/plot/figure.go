package plot

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Kind says how a figure draws its series.
type Kind uint8

// The kinds of figures.
const (
	Bars  Kind = iota // one bar per category and series
	Lines             // one line per series over numeric x values
)

// Figure is a plot ready to draw.
type Figure struct {
	Title  string
	Kind   Kind
	XName  string
	YName  string
	Labels []string  // x positions of a Bars figure, as text
	X      []float64 // x positions of a Lines figure
	Series []Series
}

// Series is one named list of y values, one per x position. NaN marks a
// missing value (drawn as a gap).
type Series struct {
	Name   string
	Values []float64
}

// Histogram counts how often each outcome occurs. With bins <= 0 it counts
// each distinct value when there are at most 40 of them (outcomes of a
// race are usually a few exact numbers), and uses 20 equal bins otherwise.
func Histogram(title string, values []float64, bins int) *Figure {
	f := &Figure{Title: title, Kind: Bars, XName: "outcome", YName: "count"}
	var clean []float64
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			clean = append(clean, v)
		}
	}
	if len(clean) == 0 {
		f.Series = []Series{{Name: "count"}}
		return f
	}
	slices.Sort(clean)
	distinct := slices.Compact(slices.Clone(clean))
	if bins <= 0 && len(distinct) <= 40 {
		counts := make([]float64, len(distinct))
		i := 0
		for _, v := range clean {
			for distinct[i] != v {
				i++
			}
			counts[i]++
		}
		for _, v := range distinct {
			f.Labels = append(f.Labels, strconv.FormatFloat(v, 'g', 6, 64))
		}
		f.Series = []Series{{Name: "count", Values: counts}}
		return f
	}
	if bins <= 0 {
		bins = 20
	}
	lo, hi := clean[0], clean[len(clean)-1]
	width := (hi - lo) / float64(bins)
	if width == 0 {
		width = 1
	}
	counts := make([]float64, bins)
	for _, v := range clean {
		i := min(int((v-lo)/width), bins-1)
		counts[i]++
	}
	for i := range bins {
		a := lo + float64(i)*width
		f.Labels = append(f.Labels, fmt.Sprintf("%.4g–%.4g", a, a+width))
	}
	f.Series = []Series{{Name: "count", Values: counts}}
	return f
}

// Line plots each series against x: a measure against a parameter.
func Line(title, xName, yName string, x []float64, series ...Series) *Figure {
	return &Figure{Title: title, Kind: Lines, XName: xName, YName: yName, X: x, Series: series}
}

// Bar plots each series as bars over named categories.
func Bar(title, xName, yName string, categories []string, series ...Series) *Figure {
	return &Figure{Title: title, Kind: Bars, XName: xName, YName: yName, Labels: categories, Series: series}
}

// Points returns the number of x positions.
func (f *Figure) Points() int {
	if f.Kind == Lines {
		return len(f.X)
	}
	return len(f.Labels)
}

// Range returns the smallest and largest y value of any series, ignoring
// NaN; it returns 0, 0 when there is none.
func (f *Figure) Range() (lo, hi float64) {
	first := true
	for _, s := range f.Series {
		for _, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if first {
				lo, hi, first = v, v, false
			}
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	return lo, hi
}
