package runner

import (
	"fmt"
	"strings"
	"time"

	"github.com/fearless-go/fearless/helpers/claim"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// Status is how a cell ended.
type Status string

// Cell statuses.
const (
	OK          Status = "ok"           // ran without error
	Failed      Status = "error"        // the kernel reported an error
	TimedOut    Status = "timeout"      // ran past the timeout and was interrupted
	OutputLimit Status = "output-limit" // printed past the output limit and was interrupted
	KernelDied  Status = "kernel-died"  // the kernel died or stopped answering during the cell
	NotRun      Status = "not-run"      // not run because the kernel was gone
)

// ErrorInfo is an error the kernel reported for a cell.
type ErrorInfo struct {
	Name      string   `json:"ename"`
	Value     string   `json:"evalue"`
	Traceback []string `json:"traceback,omitempty"`
}

// CellResult is what happened to one code cell.
type CellResult struct {
	Index          int                // 0-based position among all the notebook's cells, markdown included
	Number         int                // 1-based position among the code cells that run: after a fresh run, the [N] of its prompt (see Name)
	ID             string             // the cell's id (nbformat 4.5+)
	Source         string             // the code
	Status         Status             // how it ended
	Allowed        bool               // tagged raises-exception: failing is expected
	ExecutionCount *int               // as the kernel numbered it
	Outputs        []*notebook.Output // the outputs stored in the executed notebook
	Stdout, Stderr string             // stream text (capped by the output limit)
	Error          *ErrorInfo         // the kernel's error, if it sent one
	// Diagnostics are the compiler's messages when the cell did not build,
	// each placed in a cell and a line of it as the learner sees them
	// (`cell [2] line 4: undefined: f`) rather than in gonb's generated
	// main.go; nil when the cell built. The summary and the grader's
	// feedback quote them.
	Diagnostics []Diagnostic
	Duration    time.Duration // from request to idle
	Note        string        // what the runner did (timeout, output limit, kernel death)
	// Claims are the cell's claim lines (helpers/claim: "✓ …" or "✗ …" at
	// the start of a line of standard output), in order. A ✗ fails the
	// notebook even when the cell may fail: a claim that did not hold is
	// never the expected error.
	Claims []claim.Line
}

// ClaimsFailed counts the cell's claims that did not hold.
func (c *CellResult) ClaimsFailed() int {
	n := 0
	for _, l := range c.Claims {
		if !l.OK {
			n++
		}
	}
	return n
}

// Name is how every report names the cell: "cell [3]", by its Number, the
// number JupyterLab shows in the cell's prompt after Run All in a fresh
// kernel (empty code cells and markdown cells are not counted).
func (c *CellResult) Name() string { return fmt.Sprintf("cell [%d]", c.Number) }

// Failed reports whether this cell makes its notebook fail: it ran, did not
// end OK, and is not allowed to fail — or one of its claims did not hold.
func (c *CellResult) Failed() bool {
	return c.Status != OK && c.Status != NotRun && !c.Allowed || c.ClaimsFailed() > 0
}

// Message is a one-line account of a cell that did not end OK: the
// compiler's first message with its cell and line, or the first telling
// line of stderr (a panic, a fatal error) with the kernel's error, or the
// runner's note.
func (c *CellResult) Message() string {
	for _, l := range c.Claims {
		if !l.OK {
			return "claim failed: " + l.Statement
		}
	}
	if c.Status == OK {
		return ""
	}
	if c.Note != "" {
		return c.Note
	}
	if len(c.Diagnostics) > 0 {
		m := strings.Join(strings.Fields(c.Diagnostics[0].String()), " ")
		if n := len(c.Diagnostics) - 1; n > 0 {
			m += fmt.Sprintf(" (and %d more)", n)
		}
		return m
	}
	var parts []string
	if line := tellingLine(c.Stderr); line != "" {
		parts = append(parts, line)
	}
	if c.Error != nil {
		ev := c.Error.Name + ": " + tellingValue(c.Error.Value)
		if c.Error.Name == "ERROR" || c.Error.Name == "" { // gonb's generic name says nothing
			ev = tellingValue(c.Error.Value)
		}
		if len(parts) == 0 || !strings.Contains(parts[0], ev) {
			parts = append(parts, ev)
		}
	}
	if len(parts) == 0 {
		return string(c.Status)
	}
	if len(parts) == 2 {
		return fmt.Sprintf("%s (%s)", parts[0], parts[1])
	}
	return parts[0]
}

// tellingLine returns the first line of stderr that says what went wrong.
func tellingLine(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimSpace(line)
		for _, p := range []string{"panic:", "fatal error:", "error:", "Error:"} {
			if strings.HasPrefix(line, p) {
				return line
			}
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// tellingValue picks the line of an error value that says what went wrong:
// gonb's values start with a "# package" header or "failed to run ...", the
// compiler's or go command's message comes after.
func tellingValue(v string) string {
	var first string
	for _, line := range strings.Split(v, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if first == "" {
			first = line
		}
		if !strings.HasPrefix(line, "failed to run") {
			return line
		}
	}
	return first
}

// NotebookResult is what happened to one notebook.
type NotebookResult struct {
	Path     string             // the source notebook
	Output   string             // the executed copy, if written
	Kernel   string             // the kernelspec used
	Cells    []*CellResult      // the code cells that were due to run, in order
	Err      error              // why the notebook could not be run (or written)
	Duration time.Duration      // wall time, kernel start to shutdown
	Notebook *notebook.Notebook // the executed notebook (nil if unreadable)
}

// Failed reports whether the notebook could not run or a cell failed.
func (n *NotebookResult) Failed() bool {
	if n.Err != nil {
		return true
	}
	for _, c := range n.Cells {
		if c.Failed() {
			return true
		}
	}
	return false
}
