package grade

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
)

// GradescopeResults is Gradescope's results.json for one submission.
type GradescopeResults struct {
	Score         float64          `json:"score"`
	ExecutionTime float64          `json:"execution_time"`
	Output        string           `json:"output"`
	Visibility    string           `json:"visibility"`
	Tests         []GradescopeTest `json:"tests"`
}

// GradescopeTest is one test of results.json: here, one check.
type GradescopeTest struct {
	Name         string  `json:"name"`
	Score        float64 `json:"score"`
	MaxScore     float64 `json:"max_score"`
	Status       string  `json:"status"`        // passed or failed
	OutputFormat string  `json:"output_format"` // text
	// Visibility is "visible" for a check the handout shows, the grader's
	// --hidden-visibility (DefaultHiddenVisibility) for a hidden one.
	Visibility string `json:"visibility"`
	Output     string `json:"output"`
}

// DefaultHiddenVisibility is the Gradescope visibility of a hidden check's
// result: shown once the instructor publishes the grades.
const DefaultHiddenVisibility = "after_published"

// Gradescope returns the submission's results in Gradescope's format: a
// test per check, named "exercise: check".
func (s *Submission) Gradescope() *GradescopeResults {
	r := &GradescopeResults{Score: s.Score, ExecutionTime: s.Seconds, Visibility: "visible", Tests: []GradescopeTest{}}
	var out strings.Builder
	fmt.Fprintf(&out, "Score: %s / %s\n", pts(s.Score), pts(s.MaxScore))
	if s.Problem != "" {
		fmt.Fprintf(&out, "The submission could not be graded as a notebook: %s\n", s.Problem)
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&out, "- %s\n", n)
	}
	r.Output = out.String()
	for _, e := range s.Exercises {
		for _, c := range e.Checks {
			name := c.Name
			if !strings.HasPrefix(name, e.ID+":") {
				name = e.ID + ": " + name
			}
			msg := c.Status
			if c.Message != "" {
				msg += ": " + c.Message
			}
			status, vis := "failed", "visible"
			if c.Status == check.StatusPassed && c.Score >= c.MaxScore {
				status = "passed"
			}
			if c.Hidden {
				vis = s.hiddenVis
				if vis == "" {
					vis = DefaultHiddenVisibility
				}
			}
			r.Tests = append(r.Tests, GradescopeTest{Name: name, Score: c.Score, MaxScore: c.MaxScore, Status: status, OutputFormat: "text", Visibility: vis, Output: msg})
		}
	}
	return r
}

// WriteCSV writes the gradebook: a row per submission with its total, a
// column per exercise, its status and what went wrong.
func (c *Class) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"submission", "score", "max_score"}
	for _, e := range c.Exercises {
		head = append(head, e.ID)
	}
	head = append(head, "status", "problem", "file")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, s := range c.Submissions {
		row := []string{s.Name, pts(s.Score), pts(s.MaxScore)}
		for _, e := range c.Exercises {
			v := ""
			for _, x := range s.Exercises {
				if x.ID == e.ID {
					v = pts(x.Score)
				}
			}
			row = append(row, v)
		}
		row = append(row, s.Status, s.problem(), s.Path)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeGradebook writes gradebook.csv under Out.
func (c *Class) writeGradebook() error {
	var b bytes.Buffer
	if err := c.WriteCSV(&b); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(c.Out, "gradebook.csv"), b.Bytes(), 0o644)
}

// WriteText writes the summary table: a row per submission (score, each
// exercise, time, the first reason points were lost) and the totals.
func (c *Class) WriteText(w io.Writer) error {
	nameW := len("submission")
	for _, s := range c.Submissions {
		nameW = max(nameW, min(len(s.Name), 30))
	}
	fmt.Fprintf(w, "%-*s %9s", nameW, "submission", "score")
	for _, e := range c.Exercises {
		fmt.Fprintf(w, " %*s", colW(e.ID), clipTo(e.ID, 12))
	}
	fmt.Fprintf(w, " %7s  %s\n", "time", "note")
	var sum float64
	cached := 0
	for _, s := range c.Submissions {
		sum += s.Score
		fmt.Fprintf(w, "%-*s %9s", nameW, clipTo(s.Name, 30), pts(s.Score)+"/"+pts(s.MaxScore))
		for _, e := range c.Exercises {
			v := "-"
			for _, x := range s.Exercises {
				if x.ID == e.ID {
					v = pts(x.Score)
				}
			}
			fmt.Fprintf(w, " %*s", colW(e.ID), v)
		}
		t := fmt.Sprintf("%.1fs", s.Seconds)
		if s.Cached {
			t = "cached"
			cached++
		}
		fmt.Fprintf(w, " %7s  %s\n", t, clipTo(s.note(), 70))
	}
	mean := 0.0
	if n := len(c.Submissions); n > 0 {
		mean = sum / float64(n)
	}
	fmt.Fprintf(w, "\n%d submissions graded in %s (%d unchanged since the last run, from the cache); mean %s / %s\n",
		len(c.Submissions), c.Duration.Round(100_000_000), cached, pts(mean), pts(c.MaxScore))
	fmt.Fprintf(w, "gradebook: %s; feedback and results.json: %s/<submission>/\n", filepath.Join(c.Out, "gradebook.csv"), c.Out)
	return nil
}

// problem is the gradebook's problem column: the submission's problem, or
// what was refused.
func (s *Submission) problem() string {
	if s.Problem != "" {
		return s.Problem
	}
	var out []string
	for _, e := range s.Exercises {
		if e.Refused {
			out = append(out, e.ID+": "+e.Reason)
		}
	}
	return strings.Join(out, "; ")
}

// note is the submission's row note: its problem, or the first reason.
func (s *Submission) note() string {
	if s.Problem != "" {
		return s.Problem
	}
	for _, e := range s.Exercises {
		if e.Reason != "" {
			return e.ID + ": " + e.Reason
		}
	}
	return ""
}

func colW(id string) int { return max(5, min(len(id), 12)) }

func clipTo(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
