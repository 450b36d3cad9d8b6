package runner

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Summary is the outcome of a run.
type Summary struct {
	Notebooks []*NotebookResult
	Duration  time.Duration
}

// Totals counts a run's outcome.
type Totals struct {
	Notebooks       int `json:"notebooks"`
	FailedNotebooks int `json:"failed_notebooks"`
	Cells           int `json:"cells"`
	Passed          int `json:"passed"`
	Failed          int `json:"failed"`
	ExpectedErrors  int `json:"expected_errors"` // failed, but tagged raises-exception
	NotRun          int `json:"not_run"`
	Claims          int `json:"claims"`        // claim lines (helpers/claim) in the cells' output
	ClaimsFailed    int `json:"claims_failed"` // of which ✗: each fails its notebook
}

// Totals counts notebooks and cells by outcome.
func (s *Summary) Totals() Totals {
	var t Totals
	for _, nb := range s.Notebooks {
		t.Notebooks++
		if nb.Failed() {
			t.FailedNotebooks++
		}
		for _, c := range nb.Cells {
			t.Cells++
			t.Claims += len(c.Claims)
			t.ClaimsFailed += c.ClaimsFailed()
			switch {
			case c.Status == OK:
				t.Passed++
			case c.Status == NotRun:
				t.NotRun++
			case c.Allowed:
				t.ExpectedErrors++
			default:
				t.Failed++
			}
		}
	}
	return t
}

// OK reports whether every notebook ran and no cell failed unexpectedly.
func (s *Summary) OK() bool { return s.Totals().FailedNotebooks == 0 }

// Problems returns one line per failure: notebooks that could not run and
// cells that failed, in order.
func (s *Summary) Problems() []string {
	var lines []string
	for _, nb := range s.Notebooks {
		if nb.Err != nil {
			lines = append(lines, fmt.Sprintf("%s: %s", nb.Path, oneLine(nb.Err.Error())))
		}
		for _, c := range nb.Cells {
			if c.Failed() {
				lines = append(lines, fmt.Sprintf("%s %s: %s: %s", nb.Path, c.Name(), c.Status, oneLine(c.Message())))
			}
		}
	}
	return lines
}

// WriteText prints the one-screen summary: totals, time, at most maxProblems
// failure lines, and where the executed copies are.
func (s *Summary) WriteText(w io.Writer, maxProblems int) error {
	t := s.Totals()
	var b strings.Builder
	verdict := "OK"
	if !s.OK() {
		verdict = "FAILED"
	}
	fmt.Fprintf(&b, "fearless run: %s\n", verdict)
	fmt.Fprintf(&b, "  notebooks  %d", t.Notebooks)
	if t.FailedNotebooks > 0 {
		fmt.Fprintf(&b, " (%d failed)", t.FailedNotebooks)
	}
	fmt.Fprintf(&b, "\n  cells      %d: %d ok, %d failed", t.Cells, t.Passed, t.Failed)
	if t.ExpectedErrors > 0 {
		fmt.Fprintf(&b, ", %d expected errors (raises-exception)", t.ExpectedErrors)
	}
	if t.NotRun > 0 {
		fmt.Fprintf(&b, ", %d not run", t.NotRun)
	}
	if t.Claims > 0 {
		fmt.Fprintf(&b, "\n  claims     %d: %d held, %d failed", t.Claims, t.Claims-t.ClaimsFailed, t.ClaimsFailed)
	}
	fmt.Fprintf(&b, "\n  time       %s\n", s.Duration.Round(100*time.Millisecond))
	problems := s.Problems()
	if len(problems) > 0 {
		b.WriteString("  failures:\n")
		for i, p := range problems {
			if i == maxProblems && len(problems) > maxProblems+1 {
				fmt.Fprintf(&b, "    … and %d more (use --json for all)\n", len(problems)-i)
				break
			}
			fmt.Fprintf(&b, "    %s\n", clip(p, 200))
		}
	}
	if out := s.outputDir(); out != "" {
		fmt.Fprintf(&b, "  executed copies in %s\n", out)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// outputDir names where the copies went: the common directory of them all.
func (s *Summary) outputDir() string {
	var paths []string
	for _, nb := range s.Notebooks {
		if nb.Output != "" {
			paths = append(paths, nb.Output)
		}
	}
	return commonDir(paths)
}

// MarshalJSON encodes the summary for machines: totals, and per notebook
// and per cell the status, timing and error.
func (s *Summary) MarshalJSON() ([]byte, error) {
	type claimJSON struct {
		Statement string `json:"statement"`
		OK        bool   `json:"ok"`
	}
	type cellJSON struct {
		Index          int          `json:"index"`
		Number         int          `json:"number"`
		ID             string       `json:"id,omitempty"`
		Status         Status       `json:"status"`
		Allowed        bool         `json:"allowed_to_fail,omitempty"`
		Failed         bool         `json:"failed"`
		ExecutionCount *int         `json:"execution_count"`
		Seconds        float64      `json:"duration_seconds"`
		Message        string       `json:"message,omitempty"`
		Error          *ErrorInfo   `json:"error,omitempty"`
		Diagnostics    []Diagnostic `json:"diagnostics,omitempty"`
		Claims         []claimJSON  `json:"claims,omitempty"`
	}
	type nbJSON struct {
		Path    string     `json:"path"`
		Output  string     `json:"output,omitempty"`
		Kernel  string     `json:"kernel,omitempty"`
		Failed  bool       `json:"failed"`
		Error   string     `json:"error,omitempty"`
		Seconds float64    `json:"duration_seconds"`
		Cells   []cellJSON `json:"cells"`
	}
	out := struct {
		OK       bool     `json:"ok"`
		Totals   Totals   `json:"totals"`
		Seconds  float64  `json:"duration_seconds"`
		Problems []string `json:"problems"`
		Results  []nbJSON `json:"notebooks"`
	}{OK: s.OK(), Totals: s.Totals(), Seconds: s.Duration.Seconds(), Problems: s.Problems(), Results: []nbJSON{}}
	if out.Problems == nil {
		out.Problems = []string{}
	}
	for _, nb := range s.Notebooks {
		j := nbJSON{Path: nb.Path, Output: nb.Output, Kernel: nb.Kernel, Failed: nb.Failed(), Seconds: nb.Duration.Seconds(), Cells: []cellJSON{}}
		if nb.Err != nil {
			j.Error = nb.Err.Error()
		}
		for _, c := range nb.Cells {
			var claims []claimJSON
			for _, l := range c.Claims {
				claims = append(claims, claimJSON{Statement: l.Statement, OK: l.OK})
			}
			j.Cells = append(j.Cells, cellJSON{
				Index: c.Index, Number: c.Number, ID: c.ID, Status: c.Status, Allowed: c.Allowed, Failed: c.Failed(),
				ExecutionCount: c.ExecutionCount, Seconds: c.Duration.Seconds(), Message: c.Message(), Error: c.Error,
				Diagnostics: c.Diagnostics, Claims: claims,
			})
		}
		out.Results = append(out.Results, j)
	}
	return json.Marshal(out)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return cutAt(s, n) + "…"
}
