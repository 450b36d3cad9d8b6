package claim

import "strings"

// Line is one claim read back from a program's standard output.
type Line struct {
	Statement string // the claim, with its detail if it failed
	OK        bool   // ✓ rather than ✗
}

// Scan finds the claim lines in stdout: lines that begin with PassMark or
// FailMark. It is how fearless run counts a cell's claims.
func Scan(stdout string) []Line {
	var lines []Line
	for _, l := range strings.Split(stdout, "\n") {
		l = strings.TrimRight(l, "\r")
		switch {
		case strings.HasPrefix(l, PassMark):
			lines = append(lines, Line{Statement: l[len(PassMark):], OK: true})
		case strings.HasPrefix(l, FailMark):
			lines = append(lines, Line{Statement: l[len(FailMark):], OK: false})
		}
	}
	return lines
}
