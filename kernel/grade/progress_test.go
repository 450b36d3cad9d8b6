package grade

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestProgressJSON: --json progress is one JSON object a line: start, one
// "graded" per submission, done.
func TestProgressJSON(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, true, 2)
	for _, s := range []*Submission{{Name: "a", Score: 1, MaxScore: 2, Status: StatusGraded}, {Name: "b", MaxScore: 2, Status: StatusUnreadable}} {
		p.started(s.Name)
		p.finished(s)
	}
	p.summary(&Class{Submissions: make([]*Submission, 2), Out: "out"})
	var events []string
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		var e map[string]any
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		events = append(events, e["event"].(string))
	}
	if got := strings.Join(events, " "); got != "start graded graded done" {
		t.Errorf("events %q", got)
	}
	// Lines for logs: one per submission with its score.
	b.Reset()
	p = newProgress(&b, false, 1)
	p.finished(&Submission{Name: "a", Score: 1, MaxScore: 2, Exercises: []*Exercise{{ID: "count", Reason: "not implemented yet"}}})
	p.close()
	if got := b.String(); got != "[1/1] a: 1/2 (0.0s) — count: not implemented yet\n" {
		t.Errorf("line %q", got)
	}
}
