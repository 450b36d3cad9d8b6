package echart

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/fearless-go/fearless/charts/internal/lanes"
)

// Fragment describes one chart's HTML output.
type Fragment struct {
	ID       string       // the element id; NewID makes a unique one
	Title    string       // shown above the chart
	Subtitle string       // shown under the title, smaller
	Chart    *Chart       // the interactive chart
	Static   []byte       // the static picture (SVG), shown until the chart draws and whenever it cannot
	Table    *lanes.Table // an optional table shown under the chart
	Width    int          // the chart's maximum width in pixels; 0 means 1100
}

// NewID returns a fresh element id. Ids are random, not counted, because
// a notebook holds the outputs of many processes.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "fearless-" + hex.EncodeToString(b[:])
}

// HTML writes the fragment: a div that holds the static picture and the
// table, and a script that replaces the picture with the interactive chart
// once the ECharts library is there. Sanitizers that drop the script (an
// untrusted notebook) keep the picture and the table.
func (f *Fragment) HTML() (string, error) {
	id := f.ID
	if id == "" {
		id = NewID()
	}
	width := f.Width
	if width <= 0 {
		width = 1100
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="%s" class="fearless-chart" style="max-width:%dpx;font-family:sans-serif">`, id, width)
	if f.Title != "" {
		// Hidden until the chart draws: the static picture has its own title.
		fmt.Fprintf(&b, `<div class="fearless-title" style="display:none;font-weight:bold;font-size:14px">%s</div>`, html.EscapeString(f.Title))
	}
	if f.Subtitle != "" {
		fmt.Fprintf(&b, `<div class="fearless-title" style="display:none;color:#666;font-size:12px">%s</div>`, html.EscapeString(f.Subtitle))
	}
	height := 300
	if f.Chart != nil {
		height = f.Chart.Height
	}
	b.WriteString(`<div class="fearless-plot" style="width:100%">`)
	if len(f.Static) > 0 {
		fmt.Fprintf(&b, `<img alt="%s (static picture)" style="max-width:100%%" src="data:image/svg+xml;base64,%s">`,
			html.EscapeString(f.Title), base64.StdEncoding.EncodeToString(f.Static))
	}
	b.WriteString(`</div>`)
	if f.Table != nil && len(f.Table.Rows) > 0 {
		writeTable(&b, f.Table)
	}
	b.WriteString(`</div>`)
	if f.Chart != nil {
		script, err := f.script(id, height)
		if err != nil {
			return "", err
		}
		b.WriteString(`<script type="text/javascript">`)
		b.WriteString(script)
		b.WriteString(`</script>`)
	}
	return b.String(), nil
}

// script draws the chart into the fragment's div. Everything is inside one
// function, so several charts on a page share nothing but the library.
func (f *Fragment) script(id string, height int) (string, error) {
	opt, err := JS(f.Chart.Options)
	if err != nil {
		return "", fmt.Errorf("echart: encoding options: %w", err)
	}
	strs, err := json.Marshal(f.Chart.Strings)
	if err != nil {
		return "", err
	}
	idJSON, _ := json.Marshal(id)
	var b strings.Builder
	b.WriteString("(function () {\n")
	b.WriteString(loader + "\n" + formatTime + "\n")
	fmt.Fprintf(&b, "var root = document.getElementById(%s) || document.querySelector('[data-jupyter-id=%s]');\n", idJSON, idJSON)
	b.WriteString("if (!root) { return; }\nvar box = root.querySelector('.fearless-plot');\n")
	b.WriteString("fearlessLibrary().then(function (ec) {\n")
	fmt.Fprintf(&b, "var FEARLESS = {ec: ec, fmt: fearlessTime, strings: %s};\n", strs)
	fmt.Fprintf(&b, "var option = %s;\n", opt)
	fmt.Fprintf(&b, "box.innerHTML = ''; box.style.height = '%dpx';\n", height)
	b.WriteString(`root.querySelectorAll('.fearless-title').forEach(function (t) { t.style.display = ''; });
var chart = ec.init(box, null, {renderer: 'canvas'});
chart.setOption(option);
root.setAttribute('data-fearless-drawn', '1');
if (window.ResizeObserver) { new ResizeObserver(function () { chart.resize(); }).observe(box); }
}, function (err) {
var note = document.createElement('div');
note.style.cssText = 'color:#888;font-size:11px';
note.textContent = 'Static picture (the interactive chart is not available: ' + err.message + ').';
root.appendChild(note);
});
})();`)
	return strings.ReplaceAll(b.String(), "</", `<\/`), nil
}

func writeTable(b *strings.Builder, t *lanes.Table) {
	b.WriteString(`<table style="font-size:12px;border-collapse:collapse;margin-top:4px">`)
	if t.Caption != "" {
		fmt.Fprintf(b, `<caption style="text-align:left;color:#666">%s</caption>`, html.EscapeString(t.Caption))
	}
	b.WriteString(`<tr><th style="text-align:left;padding:1px 8px"></th>`)
	for _, c := range t.Columns {
		fmt.Fprintf(b, `<th style="text-align:right;padding:1px 8px">%s</th>`, html.EscapeString(c))
	}
	b.WriteString(`</tr>`)
	for _, r := range t.Rows {
		fmt.Fprintf(b, `<tr><td style="text-align:left;padding:1px 8px">%s</td>`, html.EscapeString(r.Name))
		for _, c := range r.Cells {
			fmt.Fprintf(b, `<td style="text-align:right;padding:1px 8px">%s</td>`, html.EscapeString(c))
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</table>`)
}
