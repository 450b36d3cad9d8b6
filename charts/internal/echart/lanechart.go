package echart

import (
	"fmt"
	"html"
	"math"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// LaneHeight is the height of one lane in pixels.
const LaneHeight = 26

// Chart is an ECharts option object ready to embed, plus the table of
// tooltip texts its data refers to by index (tooltips repeat a lot: one
// text per operation and source line, not per event).
type Chart struct {
	Options map[string]any // the option object; functions are go-echarts FuncOpts markers
	Strings []string       // tooltip texts, HTML-escaped, referred to by index from the data
	Height  int            // pixels the chart wants
}

// renderBar draws a lane bar. Data: [lane, start µs, end µs, text, stuck, layer, merged].
const renderBar = `function(params, api) {
 var lane = api.value(0), a = api.coord([api.value(1), lane]), b = api.coord([api.value(2), lane]);
 var h = api.size([0, 1])[1], layer = api.value(5), y, hh;
 if (layer === 1) { y = a[1] + h * 0.26; hh = h * 0.14; }
 else if (layer === 2) { y = a[1] - h * 0.42; hh = h * 0.14; }
 else if (layer === 3) { y = a[1] - h * 0.04; hh = h * 0.08; }
 else { y = a[1] - h * 0.24; hh = h * 0.48; }
 var cs = params.coordSys;
 var r = FEARLESS.ec.graphic.clipRectByRect({x: a[0], y: y, width: Math.max(b[0] - a[0], 1), height: hh}, {x: cs.x, y: cs.y, width: cs.width, height: cs.height});
 if (!r) { return null; }
 var st = api.style();
 if (api.value(4)) { st.stroke = '#b71c1c'; st.lineWidth = 2; st.lineDash = [4, 3]; }
 return {type: 'rect', shape: r, style: st};
}`

// renderArrow draws an arrow. Data: [from µs, from lane, to µs, to lane, text, dashed, merged].
const renderArrow = `function(params, api) {
 var a = api.coord([api.value(0), api.value(1)]), b = api.coord([api.value(2), api.value(3)]);
 var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy);
 if (len < 1) { return null; }
 var ux = dx / len, uy = dy / len, s = 7, c = api.visual('color');
 var tip = [[b[0], b[1]], [b[0] - ux * s - uy * s * 0.5, b[1] - uy * s + ux * s * 0.5], [b[0] - ux * s + uy * s * 0.5, b[1] - uy * s - ux * s * 0.5]];
 return {type: 'group', children: [
  {type: 'line', shape: {x1: a[0], y1: a[1], x2: b[0] - ux * s * 0.8, y2: b[1] - uy * s * 0.8}, style: {stroke: c, lineWidth: 1.3, lineDash: api.value(5) ? [4, 3] : null}},
  {type: 'polygon', shape: {points: tip}, style: {fill: c}}]};
}`

// tooltip formats any item: series ids start with b (bar), a (arrow) or p
// (point); the last number of an item is how many items it stands for.
const tooltip = `function(p) {
 var v = p.value, id = p.seriesId || '', T = FEARLESS.fmt, S = FEARLESS.strings, n = v[v.length - 1];
 var h = '<b>' + p.seriesName + '</b>' + (n > 1 ? ' (' + n + ' merged: zoom in to see them)' : '') + '<br>';
 if (id.charAt(0) === 'b') { return h + S[v[3]] + '<br>' + T(v[1]) + ' to ' + T(v[2]) + ' (' + T(v[2] - v[1]) + ')'; }
 if (id.charAt(0) === 'a') { return h + S[v[4]] + '<br>' + T(v[0]) + ' to ' + T(v[2]) + ' (' + T(v[2] - v[0]) + ')'; }
 return h + S[v[2]] + '<br>at ' + T(v[0]);
}`

const axisLabel = `function(v) { return FEARLESS.fmt(v); }`

// toolboxWidth is the room, in pixels from the right edge, that the zoom
// slider leaves for the toolbox's three icons.
const toolboxWidth = 110

// Lanes turns a lane chart into ECharts options. Call lanes.Merge first
// for a big chart: Lanes draws every bar it is given.
func Lanes(c *lanes.Chart) *Chart {
	st := newStrings()
	g := gecharts.NewCustom()
	durUS := us(c.Duration)
	if durUS <= 0 {
		durUS = 1
	}
	height := 110 + LaneHeight*max(len(c.Lanes), 1)
	g.SetGlobalOptions(
		gecharts.WithTitleOpts(opts.Title{Title: c.Title, Subtitle: c.Subtitle}),
		gecharts.WithLegendOpts(opts.Legend{Type: "scroll", Top: "4", Left: "center"}),
		gecharts.WithTooltipOpts(opts.Tooltip{Trigger: "item", Formatter: opts.FuncOpts(tooltip)}),
		gecharts.WithAnimation(false),
	)
	for i, s := range c.Bars {
		rows := make([][]any, 0, len(s.Bars))
		for _, b := range s.Bars {
			rows = append(rows, []any{b.Lane, us(b.Start), us(b.End), st.id(b.Info), b2i(b.Stuck), int(s.Layer), b.Merged})
		}
		g.AddSeries(s.Name, nil, gecharts.WithSeriesOpts(series(fmt.Sprintf("b%d", i), rows)),
			gecharts.WithCustomChartOpts(opts.CustomChart{RenderItem: opts.FuncOpts(renderBar)}),
			gecharts.WithEncodeOpts(opts.Encode{X: []int{1, 2}, Y: 0}),
			gecharts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
	}
	for i, s := range c.Arrows {
		rows := make([][]any, 0, len(s.Arrows))
		for _, a := range s.Arrows {
			rows = append(rows, []any{us(a.From), a.FromLane, us(a.To), a.ToLane, st.id(a.Info), b2i(s.Dashed), a.Merged})
		}
		g.AddSeries(s.Name, nil, gecharts.WithSeriesOpts(series(fmt.Sprintf("a%d", i), rows)),
			gecharts.WithCustomChartOpts(opts.CustomChart{RenderItem: opts.FuncOpts(renderArrow)}),
			gecharts.WithEncodeOpts(opts.Encode{X: []int{0, 2}, Y: []int{1, 3}}),
			gecharts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
	}
	for i, s := range c.Points {
		sc := gecharts.NewScatter()
		rows := make([][]any, 0, len(s.Points))
		for _, p := range s.Points {
			rows = append(rows, []any{us(p.Time), p.Lane, st.id(p.Info), p.Merged})
		}
		size := s.Size
		sc.AddSeries(s.Name, nil, gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
			series(fmt.Sprintf("p%d", i), rows)(ss)
			ss.Symbol = s.Symbol
			ss.SymbolSize = size
		}), gecharts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
		g.Overlap(sc)
	}
	g.Validate()
	o := g.JSON()
	o["grid"] = map[string]any{"left": 8, "right": 24, "top": 52, "bottom": 58, "containLabel": true}
	o["xAxis"] = []any{map[string]any{
		"type": "value", "min": 0, "max": durUS,
		"axisLabel": map[string]any{"formatter": opts.FuncOpts(axisLabel), "hideOverlap": true},
		"splitLine": map[string]any{"show": true, "lineStyle": map[string]any{"color": "#eeeeee"}},
	}}
	o["yAxis"] = []any{map[string]any{
		"type": "category", "data": c.Lanes, "inverse": true,
		"axisTick":  map[string]any{"show": false},
		"axisLabel": map[string]any{"width": 160, "overflow": "truncate"},
		"splitArea": map[string]any{"show": true, "areaStyle": map[string]any{"color": []string{"#fafafa", "#ffffff"}}},
	}}
	o["dataZoom"] = []any{
		map[string]any{"type": "slider", "xAxisIndex": 0, "filterMode": "weakFilter", "height": 18, "bottom": 8, "right": toolboxWidth, "labelFormatter": opts.FuncOpts(axisLabel)},
		map[string]any{"type": "inside", "xAxisIndex": 0, "filterMode": "weakFilter"},
	}
	// The legend has the top row to itself, however many states it lists
	// (it scrolls when they do not fit); the toolbox sits at the bottom
	// right, beside the zoom slider, so neither can run under the other.
	o["toolbox"] = map[string]any{"right": 10, "bottom": 4, "feature": map[string]any{"dataZoom": map[string]any{"yAxisIndex": "none"}, "restore": map[string]any{}}}
	o["legend"] = map[string]any{"type": "scroll", "top": 4, "left": 8, "right": 8}
	delete(o, "title") // the fragment shows the title as HTML, where it can wrap
	return &Chart{Options: o, Strings: st.list, Height: height}
}

// series sets a series' id and raw data rows (go-echarts would wrap every
// row in an object; plain arrays keep the output small).
func series(id string, rows [][]any) func(*gecharts.SingleSeries) {
	return func(s *gecharts.SingleSeries) {
		s.Id = id
		s.Data = rows
	}
}

// us converts a duration to microseconds, rounded to the nanosecond.
func us[D ~int64](d D) float64 { return math.Round(float64(d)) / 1e3 }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// stringTable numbers distinct texts.
type stringTable struct {
	ids  map[string]int
	list []string
}

func newStrings() *stringTable { return &stringTable{ids: map[string]int{}} }

func (t *stringTable) id(s string) int {
	if i, ok := t.ids[s]; ok {
		return i
	}
	t.ids[s] = len(t.list)
	t.list = append(t.list, strings.ReplaceAll(html.EscapeString(s), "\n", "<br>"))
	return len(t.list) - 1
}
