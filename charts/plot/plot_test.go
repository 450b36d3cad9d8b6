package plot_test

import (
	"math"
	"testing"

	"github.com/fearless-go/fearless/charts/plot"
)

func TestHistogramCountsDistinctOutcomes(t *testing.T) {
	f := plot.Histogram("h", []float64{2000, 1998, 2000, math.NaN(), 1999, 2000}, 0)
	if len(f.Labels) != 3 || f.Labels[0] != "1998" || f.Labels[2] != "2000" {
		t.Fatalf("labels = %v", f.Labels)
	}
	if v := f.Series[0].Values; v[0] != 1 || v[1] != 1 || v[2] != 3 {
		t.Fatalf("counts = %v", v)
	}
}

func TestHistogramBins(t *testing.T) {
	var vals []float64
	for i := range 100 {
		vals = append(vals, float64(i))
	}
	f := plot.Histogram("h", vals, 0) // 100 distinct values: 20 bins
	if len(f.Labels) != 20 {
		t.Fatalf("%d bins, want 20", len(f.Labels))
	}
	sum := 0.0
	for _, v := range f.Series[0].Values {
		sum += v
	}
	if sum != 100 {
		t.Fatalf("bins hold %v values, want 100", sum)
	}
	if f := plot.Histogram("same", []float64{5, 5, 5}, 4); f.Series[0].Values[0] != 3 {
		t.Fatalf("equal values: %v", f.Series[0].Values)
	}
}

func TestRangeIgnoresNaN(t *testing.T) {
	f := plot.Line("l", "x", "y", []float64{1, 2}, plot.Series{Values: []float64{math.NaN(), -3}}, plot.Series{Values: []float64{7, math.Inf(1)}})
	if lo, hi := f.Range(); lo != -3 || hi != 7 {
		t.Fatalf("range = %v..%v", lo, hi)
	}
	if lo, hi := plot.Histogram("e", nil, 0).Range(); lo != 0 || hi != 0 {
		t.Fatal("empty range")
	}
}
