package svg

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
)

// writer accumulates an SVG document.
type writer struct {
	bytes.Buffer
}

func (w *writer) open(width, height int) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`, width, height, width, height)
	fmt.Fprintf(w, `<rect width="%d" height="%d" fill="#ffffff"/>`, width, height)
}

func (w *writer) close() { w.WriteString(`</svg>`) }

// text writes a text element; anchor is start, middle or end.
func (w *writer) text(x, y float64, anchor, attrs, s string) {
	fmt.Fprintf(w, `<text x="%s" y="%s"`, num(x), num(y))
	if anchor != "" && anchor != "start" {
		fmt.Fprintf(w, ` text-anchor="%s"`, anchor)
	}
	if attrs != "" {
		w.WriteString(" " + attrs)
	}
	fmt.Fprintf(w, `>%s</text>`, esc(s))
}

func (w *writer) rect(x, y, width, height float64, fill string) {
	fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(x), num(y), num(width), num(height), fill)
}

func (w *writer) line(x1, y1, x2, y2 float64, stroke string, extra string) {
	fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"`, num(x1), num(y1), num(x2), num(y2), stroke)
	if extra != "" {
		w.WriteString(" " + extra)
	}
	w.WriteString("/>")
}

// path accumulates the d attribute of one path element.
type path struct {
	bytes.Buffer
}

// box adds a closed rectangle.
func (p *path) box(x, y, width, height float64) {
	fmt.Fprintf(p, "M%s %sh%sv%sh-%sz", num(x), num(y), num(width), num(height), num(width))
}

func (p *path) moveTo(x, y float64) { fmt.Fprintf(p, "M%s %s", num(x), num(y)) }
func (p *path) lineTo(x, y float64) { fmt.Fprintf(p, "L%s %s", num(x), num(y)) }
func (p *path) closePath()          { p.WriteString("z") }

// num writes a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*10+sign(v)*0.5))/10, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

func esc(s string) string { return html.EscapeString(s) }
