package runner

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// Diagnostic is one message of the Go compiler (or of go vet, goimports,
// go get) about a cell that did not build, placed where the learner sees it:
// gonb maps the line of its generated main.go back to a cell and a line in
// it, and so does Diagnostic.
type Diagnostic struct {
	// Cell is the execution count of the cell the line belongs to — the [N]
	// of its prompt, which after the runner's fresh run is also its Number —
	// or 0 if gonb could not place the line in a cell (a line of its own
	// generated code).
	Cell int `json:"cell,omitempty"`
	// Line is the 1-based line within that cell, or 0 if unknown.
	Line int `json:"line,omitempty"`
	// Message is the compiler's message without its main.go position, such
	// as `undefined: f`; continuation lines (`have (...)`, `want (...)`)
	// follow after newlines.
	Message string `json:"message"`
}

// String names the place as the helpers' reports do, `cell [2] line 4:
// undefined: f`, or gives the bare message when the place is unknown.
func (d Diagnostic) String() string {
	switch {
	case d.Cell > 0 && d.Line > 0:
		return fmt.Sprintf("cell [%d] line %d: %s", d.Cell, d.Line, d.Message)
	case d.Line > 0:
		return fmt.Sprintf("line %d: %s", d.Line, d.Message)
	}
	return d.Message
}

var (
	// gonb's cell info: "Cell[2]: Line 4", or "Cell Line 4" for a cell
	// without an id.
	reCellInfo = regexp.MustCompile(`^Cell(?:\[(\d+)\])?: ?Line (\d+)$`)
	// One line of gonb's HTML report that it could place: the cell info
	// (optional), the main.go position, then the message up to the hidden
	// context.
	reHTMLLine = regexp.MustCompile(`(?s)(?:<span class="gonb-cell-line-info">([^<]*)</span>\s*)?<span class="gonb-err-location">[^<]*</span></span>(.*?)<div class="gonb-err-context">`)
	reTag      = regexp.MustCompile(`</?(?:div|span)\b[^>]*>`) // gonb leaves the message itself unescaped: `<-chan` stays
	reANSI     = regexp.MustCompile("\x1b\\[[0-9;]*m")
)

// diagnose extracts the compiler's messages from a failed cell's outputs.
// gonb reports a build failure in one of two forms, depending on whether it
// runs with --raw_error (the runner's default): an error output whose
// traceback has one entry per compiler line, each placed entry starting with
// "Cell[N]: Line M"; or an HTML display_data (what JupyterLab shows), with
// an error output that only says `failed to run "go build ...": exit status
// 1`. Either way the result is the same.
func diagnose(outputs []*notebook.Output) []Diagnostic {
	var ds []Diagnostic
	for _, o := range outputs {
		switch o.OutputType {
		case notebook.Error:
			ds = append(ds, fromTraceback(o.Traceback)...)
		case notebook.DisplayData:
			if h := mimeText(o.Data["text/html"]); strings.Contains(h, "gonb-err-location") {
				ds = append(ds, fromHTML(h)...)
			}
		}
	}
	return ds
}

// fromTraceback reads gonb's raw traceback: a placed entry is
// "Cell[N]: Line M\n<context>\n<message>"; an unplaced one is
// "<context>\n<message>"; single-line entries are headers ("# gonb_…") or
// continuations of the message before ("\thave (int)").
func fromTraceback(tb []string) []Diagnostic {
	var ds []Diagnostic
	for _, entry := range tb {
		entry = reANSI.ReplaceAllString(entry, "")
		lines := strings.Split(strings.TrimRight(entry, "\n"), "\n")
		if len(lines) < 2 {
			ds = continued(ds, lines[0])
			continue
		}
		d := Diagnostic{Message: strings.TrimSpace(lines[len(lines)-1])}
		d.Cell, d.Line = cellInfo(lines[0])
		ds = append(ds, d)
	}
	return ds
}

// fromHTML reads gonb's HTML report, one <div> per compiler line.
func fromHTML(h string) []Diagnostic {
	var ds []Diagnostic
	for _, block := range strings.Split(h, `<div style="white-space: pre-wrap;">`)[1:] {
		if m := reHTMLLine.FindStringSubmatch(block); m != nil {
			d := Diagnostic{Message: strings.TrimSpace(html.UnescapeString(m[2]))}
			d.Cell, d.Line = cellInfo(html.UnescapeString(m[1]))
			ds = append(ds, d)
			continue
		}
		text := html.UnescapeString(reTag.ReplaceAllString(block, ""))
		ds = continued(ds, strings.TrimSuffix(strings.TrimPrefix(text, " "), "\n"))
	}
	return ds
}

// continued appends an indented line to the last diagnostic's message.
func continued(ds []Diagnostic, line string) []Diagnostic {
	if len(ds) > 0 && strings.TrimSpace(line) != "" && (line[0] == '\t' || line[0] == ' ') {
		ds[len(ds)-1].Message += "\n" + strings.TrimRight(line, " \n")
	}
	return ds
}

func cellInfo(s string) (cell, line int) {
	m := reCellInfo.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0
	}
	cell, _ = strconv.Atoi(m[1])
	line, _ = strconv.Atoi(m[2])
	return cell, line
}

// mimeText is a MIME bundle's value as text: a string, or nbformat's list of
// lines.
func mimeText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, "")
	case []any:
		var b strings.Builder
		for _, s := range v {
			if s, ok := s.(string); ok {
				b.WriteString(s)
			}
		}
		return b.String()
	}
	return ""
}
