package check

import (
	"fmt"
	"strings"

	"github.com/fearless-go/fearless/helpers/explore"
)

// NoSchedule is explore.NoSchedule, the answer of a learner who claims that
// no schedule makes the program fail: Schedule then checks the claim with
// the explorer. Learners write explore.NoSchedule (a solution may not use
// this package: fearless grade refuses it).
const NoSchedule = explore.NoSchedule

// ScheduleBound is the preemption bound within which Schedule checks a
// NoSchedule claim (explore.Exhaustive(ScheduleBound)).
const ScheduleBound = 3

// Schedule checks an exercise answered with a schedule. answer returns
// either a schedule string, as explore.Replay takes it and explore.Play
// shows it ("x1:b2c2"), that must make f fail with the kind want (0: any
// failure) when replayed, or NoSchedule, the claim that no schedule
// within ScheduleBound preemptions makes f fail, which the explorer checks
// schedule by schedule. A malformed string, a schedule that does not fit
// f, or one under which f ends cleanly fails the check, with what
// happened instead. f is written as for explore.Run: it sets up its state
// afresh, spawns helpers/thread threads, fails with a panic, explore.Failf
// or a deadlock.
func (c *Checks) Schedule(name string, answer func() string, want explore.Kind, f func(), opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	var s string
	out := call(o.timeout, func() { s = answer() })
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, NoSchedule) {
		return c.noSchedule(name, o, f)
	}
	var res *explore.Result
	out = call(o.timeout, func() { res = explore.Replay(s, f) })
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	fail := res.Failure
	switch {
	case fail == nil:
		return c.add(name, o, Check{Message: fmt.Sprintf("under the schedule %q the program ends cleanly: no failure. "+
			"Play it (explore.Play) and look for the move that breaks it", s)})
	case fail.Kind == explore.BadSchedule && !strings.HasPrefix(s, "x1:"):
		return c.add(name, o, Check{Message: fmt.Sprintf("%q is not a schedule: a schedule starts with \"x1:\" and "+
			"names a thread per choice (a is main, b the first thread spawned...), as explore.Play shows it; "+
			"or answer %q if no schedule fails", s, NoSchedule)})
	case fail.Kind == explore.BadSchedule:
		return c.add(name, o, Check{Message: fmt.Sprintf("the schedule %q cannot be replayed on this program: %s", s, fail.Message)})
	case want != 0 && fail.Kind != want:
		return c.add(name, o, Check{Message: fmt.Sprintf("under the schedule %q the program fails, but with %s, not a %s: %s",
			s, fail.Kind, want, firstLine(fail.Message))})
	}
	return c.add(name, o, Check{})
}

// noSchedule checks the claim that no schedule makes f fail.
func (c *Checks) noSchedule(name string, o options, f func()) bool {
	var res *explore.Result
	out := call(o.timeout, func() { res = explore.Exhaustive(ScheduleBound).Timeout(o.timeout * 4 / 5).Run(f) })
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	switch {
	case res.Failure != nil:
		// Not the schedule itself: that would be the answer.
		return c.add(name, o, Check{Message: fmt.Sprintf("you answered %q, but a schedule within %d preemptions makes "+
			"this program fail (%s): play it (explore.Play) and find it", NoSchedule, ScheduleBound, res.Failure.Kind)})
	case !res.Complete:
		return c.add(name, o, Check{Message: fmt.Sprintf("the explorer could not try every schedule within %d preemptions "+
			"in time (%d tried): the claim %q is not proved", ScheduleBound, res.Schedules, NoSchedule)})
	}
	return c.add(name, o, Check{})
}
