// Package claim states, in a notebook cell, the fact the cell's output
// proves — and checks it on every run.
//
// A course cell shows something ("the lock keeps the count exact") and its
// output is the evidence. Evidence that a reader has to check by eye can be
// contradicted by the next run without anybody noticing. A claim is that
// sentence in code: it prints one visible line on standard output,
//
//	✓ the count is exact with the lock
//
// and when the fact does not hold it prints
//
//	✗ the count is exact with the lock — got 1993, want 2000
//
// and fails the cell. fearless run counts both kinds of line in every cell's
// standard output, reports them in its summary and its --json, and fails a
// notebook with any ✗ line — even in a cell tagged raises-exception, because a
// claim that failed is never the expected error.
//
// How a failed claim fails the cell: it prints the ✗ line, then panics with
// a *Failure. Deferred calls run as the panic unwinds, so a `defer
// charts.Show()` at the top of a %% cell still draws the timeline that shows
// why; the program then ends with the panic's message and exit status 2. A
// claim that fails in a goroutine whose panics are recovered (a thread of
// helpers/thread) still failed: its ✗ line is on standard output, and the
// runner fails the notebook for it.
//
// The output is standard output only, as one write per line: nbgrader scores
// a cell with anything on standard error as failed, and a passing claim must
// not be.
//
// Claims about concurrent code state what holds on every run, never a lucky
// sample: the support of a distribution (Always), the outcome of a forced
// schedule, the explorer's verdict (helpers/explore). Scheduling may change
// how often something happens; a claim says what cannot change.
//
// The detail of That is formatted like fmt.Sprintf when its first value is a
// string containing a % verb, like fmt.Sprint otherwise.
package claim
