package check

import (
	"fmt"
	"html"
	"strconv"
	"strings"
)

// Text renders a result as the plain-text pass/fail block.
func Text(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s/%s points", mark(r.Passed()), r.GradeID, fmtPoints(r.Score), fmtPoints(r.MaxScore))
	if f := len(r.Failed()); f > 0 {
		fmt.Fprintf(&b, ", %d of %s failed", f, plural(len(r.Checks), "check"))
	} else {
		fmt.Fprintf(&b, ", all %s passed", plural(len(r.Checks), "check"))
	}
	b.WriteString("\n")
	for _, c := range r.Checks {
		fmt.Fprintf(&b, "  %s %s  [%s/%s]\n", mark(c.Passed), c.Name, fmtPoints(c.Points), fmtPoints(c.MaxPoints))
		if c.Message != "" {
			for _, line := range strings.Split(c.Message, "\n") {
				fmt.Fprintf(&b, "      %s\n", line)
			}
		}
	}
	return b.String()
}

// HTML renders a result as the pass/fail block shown in a notebook.
func HTML(r *Result) string {
	var b strings.Builder
	colour := "#1a7f37"
	if !r.Passed() {
		colour = "#cf222e"
	}
	fmt.Fprintf(&b, `<div class="fearless-check" style="border-left:4px solid %s;padding:4px 10px;font-family:sans-serif;font-size:13px">`, colour)
	summary := "all passed"
	if f := len(r.Failed()); f > 0 {
		summary = fmt.Sprintf("%d of %s failed", f, plural(len(r.Checks), "check"))
	}
	fmt.Fprintf(&b, `<div style="font-weight:bold;color:%s">%s %s — %s/%s points, %s</div>`, colour, mark(r.Passed()),
		html.EscapeString(r.GradeID), fmtPoints(r.Score), fmtPoints(r.MaxScore), summary)
	b.WriteString(`<table style="border-collapse:collapse;margin-top:4px">`)
	for _, c := range r.Checks {
		col := "#1a7f37"
		if !c.Passed {
			col = "#cf222e"
		}
		fmt.Fprintf(&b, `<tr><td style="color:%s;padding:2px 6px;vertical-align:top">%s</td><td style="padding:2px 6px;text-align:left;vertical-align:top">%s`,
			col, mark(c.Passed), html.EscapeString(c.Name))
		if c.Message != "" {
			fmt.Fprintf(&b, `<pre style="margin:2px 0 0 0;color:%s;white-space:pre-wrap">%s</pre>`, col, html.EscapeString(c.Message))
		}
		fmt.Fprintf(&b, `</td><td style="padding:2px 6px;vertical-align:top;white-space:nowrap">%s/%s</td></tr>`, fmtPoints(c.Points), fmtPoints(c.MaxPoints))
	}
	b.WriteString("</table></div>")
	return b.String()
}

func mark(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

func fmtPoints(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }
