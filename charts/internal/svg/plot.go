package svg

import (
	"fmt"
	"math"
	"strconv"

	"github.com/fearless-go/fearless/charts/plot"
)

// Plot draws a figure as an SVG picture: bars side by side per category,
// or lines with a dot at each point.
func Plot(f *plot.Figure) []byte {
	const width, height = 720, 340
	const left, right, top, bottom = 64.0, 16.0, 52.0, 52.0
	w := &writer{}
	w.open(width, height)
	w.text(8, 16, "", `font-size="14" font-weight="bold"`, f.Title)
	x := 8.0
	for i, s := range f.Series {
		w.rect(x, 28, 14, 10, plot.Color(i))
		w.text(x+18, 37, "", "", s.Name)
		x += 30 + 6.2*float64(len([]rune(s.Name)))
	}
	pw, ph := width-left-right, height-top-bottom
	lo, hi := f.Range()
	lo = math.Min(lo, 0)
	if hi <= lo {
		hi = lo + 1
	}
	step := niceStep(hi-lo, 5)
	hi = math.Ceil(hi/step) * step
	yOf := func(v float64) float64 { return top + ph - ph*(v-lo)/(hi-lo) }
	for v := lo; v <= hi+step/1e6; v += step {
		y := yOf(v)
		w.line(left, y, left+pw, y, "#eeeeee", "")
		w.text(left-6, y+4, "end", `fill="#555"`, strconv.FormatFloat(v, 'g', 6, 64))
	}
	w.line(left, top+ph, left+pw, top+ph, "#999", "")
	w.text(left+pw/2, height-8, "middle", `fill="#333"`, f.XName)
	w.text(12, top-8, "", `fill="#333"`, f.YName)
	n := f.Points()
	if n == 0 {
		w.text(left+pw/2, top+ph/2, "middle", `fill="#888"`, "no data")
		w.close()
		return w.Bytes()
	}
	if f.Kind == plot.Lines {
		xlo, xhi := f.X[0], f.X[0]
		for _, v := range f.X {
			xlo, xhi = math.Min(xlo, v), math.Max(xhi, v)
		}
		if xhi == xlo {
			xhi = xlo + 1
		}
		xOf := func(v float64) float64 { return left + pw*(v-xlo)/(xhi-xlo) }
		xs := niceStep(xhi-xlo, 6)
		for v := math.Ceil(xlo/xs) * xs; v <= xhi+xs/1e6; v += xs {
			w.text(xOf(v), top+ph+16, "middle", `fill="#555"`, strconv.FormatFloat(v, 'g', 6, 64))
		}
		for i, s := range f.Series {
			var p, dots path
			pen := false
			for j, xv := range f.X {
				v := math.NaN()
				if j < len(s.Values) {
					v = s.Values[j]
				}
				if math.IsNaN(v) || math.IsInf(v, 0) {
					pen = false
					continue
				}
				if pen {
					p.lineTo(xOf(xv), yOf(v))
				} else {
					p.moveTo(xOf(xv), yOf(v))
					pen = true
				}
				marker(&dots, "circle", xOf(xv), yOf(v), 6)
			}
			fmt.Fprintf(w, `<path fill="none" stroke="%s" stroke-width="2" d="%s"/>`, plot.Color(i), p.String())
			fmt.Fprintf(w, `<path fill="%s" d="%s"/>`, plot.Color(i), dots.String())
		}
		w.close()
		return w.Bytes()
	}
	slot := pw / float64(n)
	ns := max(len(f.Series), 1)
	bw := slot * 0.8 / float64(ns)
	every := max(1, int(math.Ceil(float64(n)*60/pw)))
	for j, label := range f.Labels {
		if j%every == 0 {
			w.text(left+slot*(float64(j)+0.5), top+ph+16, "middle", `fill="#555"`, truncate(label, 12))
		}
	}
	for i, s := range f.Series {
		var p path
		for j := range f.Labels {
			if j >= len(s.Values) || math.IsNaN(s.Values[j]) || math.IsInf(s.Values[j], 0) {
				continue
			}
			y0, y1 := yOf(0), yOf(s.Values[j])
			p.box(left+slot*float64(j)+slot*0.1+bw*float64(i), math.Min(y0, y1), bw, math.Abs(y0-y1))
		}
		fmt.Fprintf(w, `<path fill="%s" d="%s"/>`, plot.Color(i), p.String())
	}
	w.close()
	return w.Bytes()
}
