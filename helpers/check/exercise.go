package check

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// Checks collects the checks of one check cell. Make it with Exercise (in a
// cell or a program) or Test (in a go test), add checks with its methods,
// and finish with Done. Its methods may be called from several goroutines,
// though checks normally run one after another.
type Checks struct {
	gradeID string
	tb      TB

	mu     sync.Mutex
	checks []Check
	done   bool

	stdout, stderr io.Writer
	exit           func(code int)
	notebook       bool
	signs          bool // made by Exercise: its Result is signed when the program has a key (KeyEnv)
}

// Exercise starts the checks of the exercise with the given grade_id (the
// nbgrader grade_id of the exercise's cells). Defer Done right after:
//
//	ex := check.Exercise("counter-exact")
//	defer ex.Done()
func Exercise(gradeID string) *Checks {
	return &Checks{gradeID: gradeID, stdout: os.Stdout, stderr: os.Stderr, exit: os.Exit, notebook: inNotebook(), signs: true}
}

// TB is the part of testing.TB that Test needs; *testing.T satisfies it.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
	Cleanup(func())
}

// Test starts checks reported through a go test: Done (called by t.Cleanup
// if the test does not call it) logs the block and reports each failed check
// with t.Errorf instead of ending the program.
func Test(t TB, gradeID string) *Checks {
	t.Helper()
	c := &Checks{gradeID: gradeID, tb: t, stdout: io.Discard, stderr: io.Discard}
	t.Cleanup(c.finish)
	return c
}

// GradeID returns the exercise's grade_id.
func (c *Checks) GradeID() string { return c.gradeID }

// add records one check's outcome and reports whether it passed.
func (c *Checks) add(name string, o options, r Check) bool {
	r.Name = name
	r.MaxPoints = o.points
	if r.Status == "" {
		r.Status = StatusPassed
		if r.Message != "" {
			r.Status = StatusFailed
		}
	}
	r.Passed = r.Status == StatusPassed
	if r.Passed {
		r.Points = o.points
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic(fmt.Sprintf("check: %q was added after Done (defer ex.Done() right after check.Exercise)", name))
	}
	c.checks = append(c.checks, r)
	return r.Passed
}

// Result returns the outcome of the checks so far.
func (c *Checks) Result() *Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := &Result{Version: ResultVersion, GradeID: c.gradeID, Checks: append([]Check{}, c.checks...)}
	for _, k := range r.Checks {
		r.Score += k.Points
		r.MaxScore += k.MaxPoints
	}
	return r
}

// Done shows the pass/fail block and sends the result. When a check failed,
// it then ends the program with exit status 1 (in a notebook the cell
// fails; the fearless kernel adds the points earned as the cell's
// execute_result, nbgrader's partial credit); under Test it reports the
// failures to the test instead. The checks write nothing to stderr before
// the result (nbgrader scores 0 a cell whose outputs start with stderr;
// the race detector's reports are the runtime's). Deferred right after
// Exercise, it also catches a panic of the check cell itself (outside any
// check) and reports it as a failed check. Calling Done again does nothing.
func (c *Checks) Done() {
	if v := recover(); v != nil {
		o := outcome{panicked: true, value: v}
		r, _ := verdict(o, 0)
		c.add("the check cell ran to the end", options{}, r)
	}
	c.finish()
}

func (c *Checks) finish() {
	c.mu.Lock()
	if c.done {
		c.mu.Unlock()
		return
	}
	c.done = true
	c.mu.Unlock()

	r := c.Result()
	if c.signs {
		sign(r, signKey)
	}
	text := Text(r)
	if c.tb != nil {
		c.tb.Helper()
		c.tb.Logf("\n%s", text)
		for _, k := range r.Failed() {
			c.tb.Errorf("check %q failed: %s", k.Name, k.Message)
		}
		return
	}
	if c.notebook {
		display(r, text)
	} else {
		fmt.Fprint(c.stdout, text)
	}
	if !r.Passed() {
		// One line on stderr says why the cell failed; it never contains
		// "main.go:N", which gonb would try to map to a cell line.
		fmt.Fprintf(c.stderr, "check: %s: %s failed (%s of %s points)\n", r.GradeID, plural(len(r.Failed()), "check"), fmtPoints(r.Score), fmtPoints(r.MaxScore))
		c.exit(1)
	}
}
