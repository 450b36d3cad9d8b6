package exercise

import (
	"fmt"
	"strings"
)

// The markers, each alone on its line (indentation allowed).
const (
	BeginSolution    = "// BEGIN SOLUTION"
	EndSolution      = "// END SOLUTION"
	BeginHiddenTests = "// BEGIN HIDDEN TESTS"
	EndHiddenTests   = "// END HIDDEN TESTS"
)

// Stub replaces each solution region in the student version (helpers/check
// reports it as "not implemented yet"). It keeps the marker's indentation.
const Stub = `panic("not implemented") // TODO: your code here`

// region is a marked region of a cell: the 0-based lines of its markers.
type region struct{ begin, end int }

// markerProblem is a marker misuse at a 0-based line.
type markerProblem struct {
	line int
	msg  string
}

// regions finds the regions between begin and end markers in src, and
// reports unbalanced or nested markers, and lines that look like a marker
// of this kind without being one ("### BEGIN SOLUTION").
func regions(src, begin, end string) ([]region, []markerProblem) {
	var rs []region
	var probs []markerProblem
	open := -1
	word := func(m string) string { return strings.TrimPrefix(m, "// ") }
	for i, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == begin:
			if open >= 0 {
				probs = append(probs, markerProblem{i, fmt.Sprintf("%s inside the region opened on line %d (regions do not nest)", begin, open+1)})
				continue
			}
			open = i
		case t == end:
			if open < 0 {
				probs = append(probs, markerProblem{i, fmt.Sprintf("%s without a %s before it", end, begin)})
				continue
			}
			rs = append(rs, region{open, i})
			open = -1
		case strings.Contains(t, word(begin)) || strings.Contains(t, word(end)):
			want := begin
			if strings.Contains(t, word(end)) {
				want = end
			}
			probs = append(probs, markerProblem{i, fmt.Sprintf("%q looks like a marker: write it exactly %q, alone on its line", t, want)})
		}
	}
	if open >= 0 {
		probs = append(probs, markerProblem{open, fmt.Sprintf("%s without a %s after it", begin, end)})
	}
	return rs, probs
}

// replaceRegions replaces each region (markers included) by stub lines
// indented as the begin marker, or removes it when stub is "". It is
// nbgrader's ClearSolutions and ClearHiddenTests for Go's markers.
func replaceRegions(src string, rs []region, stub string) string {
	lines := strings.Split(src, "\n")
	var out []string
	next := 0
	for _, r := range rs {
		out = append(out, lines[next:r.begin]...)
		if stub != "" {
			indent := lines[r.begin][:len(lines[r.begin])-len(strings.TrimLeft(lines[r.begin], " \t"))]
			for _, s := range strings.Split(stub, "\n") {
				out = append(out, indent+s)
			}
		}
		next = r.end + 1
	}
	out = append(out, lines[next:]...)
	return strings.Join(out, "\n")
}
