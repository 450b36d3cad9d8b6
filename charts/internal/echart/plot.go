package echart

import (
	"math"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fearless-go/fearless/charts/plot"
)

// Plot turns a figure into ECharts options: a bar chart with a category x
// axis, or a line chart with a value x axis.
func Plot(f *plot.Figure) *Chart {
	global := []gecharts.GlobalOpts{
		gecharts.WithLegendOpts(opts.Legend{Type: "scroll", Top: "4"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		gecharts.WithAnimation(false),
	}
	var o map[string]any
	if f.Kind == plot.Lines {
		c := gecharts.NewLine()
		c.SetGlobalOptions(global...)
		for i, s := range f.Series {
			rows := make([][]any, 0, len(f.X))
			for j, x := range f.X {
				rows = append(rows, []any{finite(x), finite(at(s.Values, j))})
			}
			c.AddSeries(s.Name, nil, gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Data = rows }),
				gecharts.WithItemStyleOpts(opts.ItemStyle{Color: plot.Color(i)}))
		}
		c.Validate()
		o = c.JSON()
		o["xAxis"] = []any{map[string]any{"type": "value", "name": f.XName, "nameLocation": "middle", "nameGap": 26, "scale": true}}
	} else {
		c := gecharts.NewBar()
		c.SetGlobalOptions(global...)
		for i, s := range f.Series {
			vals := make([]any, len(f.Labels))
			for j := range f.Labels {
				vals[j] = finite(at(s.Values, j))
			}
			c.AddSeries(s.Name, nil, gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) { ss.Data = vals }),
				gecharts.WithItemStyleOpts(opts.ItemStyle{Color: plot.Color(i)}))
		}
		c.Validate()
		o = c.JSON()
		o["xAxis"] = []any{map[string]any{"type": "category", "data": f.Labels, "name": f.XName, "nameLocation": "middle", "nameGap": 26}}
	}
	o["yAxis"] = []any{map[string]any{"type": "value", "name": f.YName}}
	o["grid"] = map[string]any{"left": 12, "right": 24, "top": 40, "bottom": 36, "containLabel": true}
	delete(o, "title")
	return &Chart{Options: o, Height: 320}
}

func at(v []float64, i int) float64 {
	if i < len(v) {
		return v[i]
	}
	return math.NaN()
}

// finite returns v, or nil (a gap) for NaN and infinities, which JSON
// cannot carry.
func finite(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}
