package check

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/trace"
)

// RaceFree checks that shared state is touched only under its lock — plain
// Go maps and variables included — by running f n times under the race
// detector (the program must be built with -race; in a cell, %goflags -race).
// The race detector reports two accesses to the same memory that nothing
// orders (no lock, no channel, no join), whether or not they happened to
// run at the same moment, so the verdict does not depend on timing or on
// the number of cores. The recorder and the deadlock checks are off
// meanwhile (and back on afterwards if they were on): their own bookkeeping
// would order the threads and hide the race; a deadlock then shows as a
// timeout. A reported race fails the check with one line for the
// learner; the detector's WARNING: DATA RACE report on stderr says where.
//
// The helpers order the threads a little themselves (a thread registers
// when it starts and when it ends), so a thread that finished before the
// next one started is ordered before it, and its race goes unseen. Force
// the overlap: put a Gate in the callback the learner's threads call (or
// in the threads the check starts), so that every thread is running before
// any touches the shared data.
func (c *Checks) RaceFree(name string, n int, f func() error, opts ...Option) bool {
	if !RaceEnabled {
		return c.add(name, makeOptions(opts), Check{Status: StatusFailed, Message: raceMessage})
	}
	was := trace.Enabled()
	if was {
		trace.Stop()
		defer func() { _ = trace.Start() }()
	}
	// The deadlock checks (on in a notebook cell) take a lock of their own
	// at every helper lock and thread exit, which orders threads too.
	defer deadlock.Enable(deadlock.Enable(false))
	before := len(c.Result().Checks)
	ok := c.Repeat(name, n, f, opts...)
	if !ok {
		c.mu.Lock()
		if k := &c.checks[before]; strings.Contains(k.Message, "race detector found") {
			k.Message = fmt.Sprintf("two threads touched the same shared data with no lock between them (%s); keep it inside a mutex and touch it only through the guard — the race detector's WARNING: DATA RACE report on stderr says where", strings.SplitN(k.Message, ":", 2)[0])
		}
		c.mu.Unlock()
	}
	return ok
}
