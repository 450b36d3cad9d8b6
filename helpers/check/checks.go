package check

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

// raceMessage is what a check that needs the race detector says without it.
const raceMessage = "needs the race detector: put %goflags -race at the top of this cell (or run go test -race) and run it again"

// start applies the options every check shares; ok is false when the check
// must fail without running.
func (c *Checks) start(opts []Option) (options, Check, bool) {
	o := makeOptions(opts)
	if why := c.skipped(); why != "" {
		return o, Check{Status: StatusFailed, Message: why}, false
	}
	if o.race && !RaceEnabled {
		return o, Check{Status: StatusFailed, Message: raceMessage}, false
	}
	return o, Check{}, true
}

// Equal checks that got returns a value equal to want (reflect.DeepEqual,
// except that numbers of different types compare by value). When they
// differ, the message shows where and how.
func (c *Checks) Equal(name string, want any, got func() any, opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	var v any
	out := call(o.timeout, func() { v = got() })
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	if !same(want, v) {
		return c.add(name, o, Check{Message: describe(want, v)})
	}
	return c.add(name, o, Check{})
}

// True checks a condition: cond returns whether it holds and, when it does
// not, why (shown to the learner).
func (c *Checks) True(name string, cond func() (ok bool, why string), opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	var holds bool
	var why string
	out := call(o.timeout, func() { holds, why = cond() })
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	if !holds {
		if why == "" {
			why = "the condition does not hold"
		}
		return c.add(name, o, Check{Message: why})
	}
	return c.add(name, o, Check{})
}

// Panics checks that f panics; with Containing, that the panic's message
// contains the given strings. A panic("not implemented") counts as the
// learner's stub, not as the expected panic.
func (c *Checks) Panics(name string, f func(), opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	out := call(o.timeout, f)
	switch {
	case out.timedOut || out.goexit || out.races > 0 || (out.panicked && notImplemented(out.value) && !wantsNotImplemented(o)):
		r, _ := verdict(out, o.timeout)
		return c.add(name, o, r)
	case !out.panicked:
		return c.add(name, o, Check{Message: "returned normally, want a panic"})
	}
	msg := panicMessage(out.value)
	for _, s := range o.containing {
		if !strings.Contains(msg, s) {
			return c.add(name, o, Check{Message: fmt.Sprintf("panicked with %s, want a message containing %s", show(msg), show(s))})
		}
	}
	return c.add(name, o, Check{})
}

func wantsNotImplemented(o options) bool {
	for _, s := range o.containing {
		if strings.Contains(strings.ToLower(s), "not implemented") {
			return true
		}
	}
	return false
}

// Within checks that f returns within d. The Timeout option does not apply:
// d is the timeout.
func (c *Checks) Within(name string, d time.Duration, f func(), opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	out := call(d, f)
	if out.timedOut {
		return c.add(name, o, Check{Status: StatusTimedOut, Message: fmt.Sprintf("did not return within %s; it was left running and the next check went on", d)})
	}
	if r, ok := verdict(out, d); !ok {
		return c.add(name, o, r)
	}
	return c.add(name, o, Check{})
}

// Eventually checks that cond becomes true within d, calling it again and
// again (every millisecond at first, then less often).
func (c *Checks) Eventually(name string, d time.Duration, cond func() bool, opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	var held bool
	deadline := time.Now().Add(d)
	// The loop stops by itself at the deadline; the extra second only
	// catches a cond that hangs.
	out := call(d+time.Second, func() {
		wait := time.Millisecond
		for {
			if cond() {
				held = true
				return
			}
			if time.Now().After(deadline) {
				return
			}
			time.Sleep(wait)
			wait = min(2*wait, 50*time.Millisecond)
		}
	})
	if r, ok := verdict(out, d+time.Second); !ok {
		return c.add(name, o, r)
	}
	if !held {
		return c.add(name, o, Check{Message: fmt.Sprintf("still false after %s", d)})
	}
	return c.add(name, o, Check{})
}

// Repeat runs f n times and requires every run to return nil, so that a
// race cannot pass by luck. With Procs, it does so under each GOMAXPROCS
// given. The first failing run stops the check and is reported with its
// number. The timeout (Timeout, DefaultTimeout otherwise) bounds all the
// runs together.
func (c *Checks) Repeat(name string, n int, f func() error, opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	procs := o.procs
	if len(procs) == 0 {
		procs = []int{0} // leave GOMAXPROCS as it is
	}
	deadline := time.Now().Add(o.timeout)
	for _, p := range procs {
		where := ""
		if p > 0 {
			where = fmt.Sprintf(" (GOMAXPROCS=%d)", p)
		}
		var run atomic.Int64
		var err error
		out := func() outcome {
			if p > 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(p))
			}
			return call(time.Until(deadline), func() {
				for i := 1; i <= n; i++ {
					run.Store(int64(i))
					races := raceErrors()
					if err = f(); err != nil || raceErrors() > races {
						return // a data race stops at the run that raced
					}
				}
			})
		}()
		at := fmt.Sprintf("run %d of %d%s", run.Load(), n, where)
		if r, ok := verdict(out, o.timeout); !ok {
			if r.Status != StatusNotImplemented {
				r.Message = at + ": " + r.Message
			}
			return c.add(name, o, r)
		}
		if err != nil {
			if notImplemented(err) {
				return c.add(name, o, Check{Status: StatusNotImplemented, Message: errNotImplemented.Error()})
			}
			return c.add(name, o, Check{Message: at + ": " + err.Error()})
		}
	}
	return c.add(name, o, Check{})
}

// RequireRace adds a check that passes only when the program is built with
// the race detector (in a cell: %goflags -race). Put it first in a cell
// whose other checks rely on the detector to catch a data race.
func (c *Checks) RequireRace(opts ...Option) bool {
	o := makeOptions(opts)
	if !RaceEnabled {
		return c.add("built with the race detector", o, Check{Message: raceMessage})
	}
	return c.add("built with the race detector", o, Check{})
}
