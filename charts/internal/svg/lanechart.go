package svg

import (
	"fmt"
	"math"
	"time"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// Picture sizes, in pixels.
const (
	Width      = 1000 // of a lane chart
	laneHeight = 22
	nameWidth  = 150
)

// MaxItems bounds the bars, points and arrows a picture draws.
const MaxItems = 3000

// Lanes draws a lane chart as an SVG picture Width pixels wide. It first
// merges what is narrower than two pixels (a picture cannot be zoomed),
// more coarsely if the chart is still too busy (lanes.MergeWithin), so any chart
// draws into a small, bounded picture.
func Lanes(c *lanes.Chart) []byte {
	plotW := float64(Width - nameWidth - 20)
	c, _ = lanes.MergeWithin(c, int(plotW)/2, MaxItems)
	w := &writer{}
	legendRows := legendLayout(c)
	top := 44 + 16*float64(len(legendRows))
	nLanes := max(len(c.Lanes), 1)
	height := int(top) + laneHeight*nLanes + 34
	w.open(Width, height)
	w.text(8, 16, "", `font-size="14" font-weight="bold"`, c.Title)
	w.text(8, 32, "", `fill="#666"`, c.Subtitle)
	drawLegend(w, legendRows, 46)
	x0 := float64(nameWidth)
	dur := c.Duration
	if dur <= 0 {
		dur = time.Microsecond
	}
	xOf := func(t time.Duration) float64 { return x0 + plotW*float64(t)/float64(dur) }
	yOf := func(lane int) float64 { return top + float64(lane)*laneHeight + laneHeight/2 }
	// Lane backgrounds and names.
	for i, name := range c.Lanes {
		if i%2 == 0 {
			w.rect(x0, top+float64(i)*laneHeight, plotW, laneHeight, "#f6f6f6")
		}
		w.text(x0-6, yOf(i)+4, "end", "", truncate(name, 24))
	}
	if len(c.Lanes) == 0 {
		w.text(x0+plotW/2, yOf(0)+4, "middle", `fill="#888"`, "nothing was recorded")
	}
	axisY := top + float64(nLanes)*laneHeight
	drawTimeAxis(w, x0, plotW, axisY, dur)
	// Bars: one path per series, stuck ones outlined.
	var stuck path
	for _, s := range c.Bars {
		var p path
		for _, b := range s.Bars {
			x, xe := xOf(b.Start), xOf(b.End)
			bw := max(xe-x, 0.6)
			y, h := bandOf(yOf(b.Lane), s.Layer)
			p.box(x, y, bw, h)
			if b.Stuck {
				stuck.box(x, y, bw, h)
			}
		}
		if p.Len() > 0 {
			fmt.Fprintf(w, `<path fill="%s" d="%s"/>`, s.Color, p.String())
		}
	}
	if stuck.Len() > 0 {
		fmt.Fprintf(w, `<path fill="none" stroke="#b71c1c" stroke-width="2" stroke-dasharray="4 3" d="%s"/>`, stuck.String())
	}
	for _, s := range c.Arrows {
		var lines, heads path
		for _, a := range s.Arrows {
			arrow(&lines, &heads, xOf(a.From), yOf(a.FromLane), xOf(a.To), yOf(a.ToLane))
		}
		dash := ""
		if s.Dashed {
			dash = ` stroke-dasharray="4 3"`
		}
		if lines.Len() > 0 {
			fmt.Fprintf(w, `<path fill="none" stroke="%s" stroke-width="1.2"%s d="%s"/>`, s.Color, dash, lines.String())
		}
		if heads.Len() > 0 {
			fmt.Fprintf(w, `<path fill="%s" d="%s"/>`, s.Color, heads.String())
		}
	}
	for _, s := range c.Points {
		var p path
		for _, pt := range s.Points {
			marker(&p, s.Symbol, xOf(pt.Time), yOf(pt.Lane), float64(min(s.Size, 12)))
		}
		if p.Len() > 0 {
			fmt.Fprintf(w, `<path fill="%s" stroke="#ffffff" stroke-width="0.5" d="%s"/>`, s.Color, p.String())
		}
	}
	w.close()
	return w.Bytes()
}

// bandOf returns the top and height of a layer's band on a lane centred at y.
func bandOf(y float64, l lanes.Layer) (float64, float64) {
	const h = laneHeight
	switch l {
	case lanes.Below:
		return y + h*0.26, h * 0.14
	case lanes.Above:
		return y - h*0.42, h * 0.14
	case lanes.Thin:
		return y - h*0.04, h * 0.08
	}
	return y - h*0.24, h * 0.48
}

// arrow adds a line from (x1,y1) to (x2,y2) and a head at its end.
func arrow(lines, heads *path, x1, y1, x2, y2 float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l < 1 {
		return
	}
	ux, uy := dx/l, dy/l
	const s = 6
	lines.moveTo(x1, y1)
	lines.lineTo(x2-ux*s*0.8, y2-uy*s*0.8)
	heads.moveTo(x2, y2)
	heads.lineTo(x2-ux*s-uy*s*0.5, y2-uy*s+ux*s*0.5)
	heads.lineTo(x2-ux*s+uy*s*0.5, y2-uy*s-ux*s*0.5)
	heads.closePath()
}

// marker adds a point marker shaped like the ECharts symbol of that name.
func marker(p *path, symbol string, x, y, size float64) {
	r := size / 2
	switch symbol {
	case "rect":
		p.box(x-r, y-r, size, size)
	case "triangle":
		p.moveTo(x, y-r)
		p.lineTo(x+r, y+r)
		p.lineTo(x-r, y+r)
		p.closePath()
	case "pin":
		p.moveTo(x, y)
		p.lineTo(x-r, y-1.6*r)
		p.lineTo(x+r, y-1.6*r)
		p.closePath()
	default: // circle and diamond: a diamond is close enough at this size
		p.moveTo(x, y-r)
		p.lineTo(x+r, y)
		p.lineTo(x, y+r)
		p.lineTo(x-r, y)
		p.closePath()
	}
}

func drawTimeAxis(w *writer, x0, plotW, y float64, dur time.Duration) {
	w.line(x0, y, x0+plotW, y, "#999", "")
	step := niceStep(float64(dur), 8)
	for t := 0.0; t <= float64(dur)+step/1e6; t += step {
		x := x0 + plotW*t/float64(dur)
		w.line(x, y, x, y+4, "#999", "")
		label := "0"
		if t > 0 {
			label = lanes.FormatDuration(time.Duration(t))
		}
		w.text(x, y+16, "middle", `fill="#555"`, label)
	}
}

type legendItem struct {
	name, color, kind string
	x                 float64
}

// legendLayout places every series' name in rows across the picture.
func legendLayout(c *lanes.Chart) [][]legendItem {
	var items []legendItem
	for _, s := range c.Bars {
		items = append(items, legendItem{name: s.Name, color: s.Color, kind: "bar"})
	}
	for _, s := range c.Arrows {
		items = append(items, legendItem{name: s.Name, color: s.Color, kind: "arrow"})
	}
	for _, s := range c.Points {
		items = append(items, legendItem{name: s.Name, color: s.Color, kind: "point"})
	}
	var rows [][]legendItem
	x := 8.0
	var row []legendItem
	for _, it := range items {
		wdt := 22 + 6.2*float64(len([]rune(it.name)))
		if x+wdt > Width-8 && len(row) > 0 {
			rows = append(rows, row)
			row, x = nil, 8
		}
		it.x = x
		row = append(row, it)
		x += wdt + 10
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func drawLegend(w *writer, rows [][]legendItem, y float64) {
	for r, row := range rows {
		yy := y + float64(r)*16
		for _, it := range row {
			switch it.kind {
			case "arrow":
				w.line(it.x, yy-4, it.x+16, yy-4, it.color, `stroke-width="2"`)
			case "point":
				w.rect(it.x+4, yy-8, 8, 8, it.color)
			default:
				w.rect(it.x, yy-9, 16, 10, it.color)
			}
			w.text(it.x+20, yy, "", "", it.name)
		}
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
