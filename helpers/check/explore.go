package check

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/helpers/explore"
)

// Explore checks that f passes under every schedule an explorer of
// helpers/explore tries: explore.Exhaustive(2) (every schedule with at most
// two preemptions) or explore.PCT(depth, seed). The same answer gets the
// same verdict on every run, where Repeat can pass a racy answer by luck.
// f runs once per schedule: it sets up its state, spawns its threads with
// helpers/thread, and fails a schedule by panicking or with explore.Failf; a
// deadlock fails it too. A failure's message names the schedule, which
// explore.Replay runs again. The timeout bounds the whole exploration.
func (c *Checks) Explore(name string, e *explore.Explorer, f func(), opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	var res *explore.Result
	// The explorer stops itself a little before the check's timeout, so a
	// long search ends with what it found instead of a timeout.
	out := call(o.timeout, func() { res = e.Timeout(o.timeout * 4 / 5).Run(f) })
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	fail := res.Failure
	if fail == nil {
		return c.add(name, o, Check{})
	}
	if fail.Kind == explore.Panic && notImplemented(fail.Value) {
		return c.add(name, o, Check{Status: StatusNotImplemented, Message: errNotImplemented.Error()})
	}
	msg := strings.ReplaceAll(fail.Error(), "\n  ", "; ")
	if fail.Kind == explore.Uncontrolled {
		return c.add(name, o, Check{Message: msg})
	}
	return c.add(name, o, Check{Message: fmt.Sprintf("schedule %d (%s) fails: %s — replay it with explore.Replay(%q, f)",
		fail.Execution, res.Strategy, msg, fail.Schedule)})
}
