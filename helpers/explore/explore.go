package explore

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Explorer runs a function again and again, each time under a different
// schedule of its threads, until one fails or the budget is spent. Make one
// with Random, PCT or Exhaustive; the methods that set a budget return it, so
// a whole exploration fits on one line:
//
//	res := explore.Exhaustive(2).Run(func() { ... })
type Explorer struct {
	name      string
	strategy  func() strategy
	schedules int
	timeout   time.Duration
	maxSteps  int
}

// Default budgets.
const (
	DefaultSchedules = 1000      // Random and PCT
	ExhaustiveBudget = 1_000_000 // Exhaustive: at most this many schedules, within DefaultTimeout
	DefaultTimeout   = time.Minute
	DefaultMaxSteps  = 100_000 // scheduling points in one execution
)

// Random explores DefaultSchedules schedules picked at random: at every
// scheduling point, any thread that can run is equally likely to (shuttle's
// random scheduler). The same seed gives the same schedules.
func Random(seed uint64) *Explorer {
	return &Explorer{name: fmt.Sprintf("random, seed %d", seed), schedules: DefaultSchedules,
		strategy: func() strategy { return &randomWalk{seed: seed} }}
}

// PCT explores DefaultSchedules schedules with Probabilistic Concurrency
// Testing: random thread priorities, lowered at depth-1 random points. A bug
// that needs depth ordering constraints among n threads and k scheduling
// points is found with probability at least 1/(n·k^(depth-1)) per schedule.
// The same seed gives the same schedules.
func PCT(depth int, seed uint64) *Explorer {
	depth = max(depth, 1)
	return &Explorer{name: fmt.Sprintf("PCT, depth %d, seed %d", depth, seed), schedules: DefaultSchedules,
		strategy: func() strategy { return &pct{depth: depth, seed: seed} }}
}

// Exhaustive explores every schedule with at most bound preemptions (a
// switch away from a thread that could have gone on; switches at a blocked
// or finished thread are free), skipping schedules that only reorder steps
// on different objects. A bound of 2 or 3 finds most bugs. A negative bound
// means no bound. If the search ends within the budget, Result.Complete is
// true: no schedule within the bound fails.
func Exhaustive(bound int) *Explorer {
	if bound < 0 {
		bound = -1
	}
	name := fmt.Sprintf("exhaustive, preemption bound %d", bound)
	if bound < 0 {
		name = "exhaustive, unbounded"
	}
	return &Explorer{name: name, schedules: ExhaustiveBudget,
		strategy: func() strategy { return &exhaustive{bound: bound} }}
}

// Schedules sets the budget: at most n schedules.
func (e *Explorer) Schedules(n int) *Explorer { e.schedules = max(n, 1); return e }

// Timeout sets the time budget (DefaultTimeout unless set).
func (e *Explorer) Timeout(d time.Duration) *Explorer { e.timeout = d; return e }

// Result is what an exploration found.
type Result struct {
	Strategy  string        // how the schedules were chosen
	Schedules int           // how many were run
	Complete  bool          // Exhaustive only: every schedule within the bound was run
	Elapsed   time.Duration // the exploration's wall time
	Failure   *Failure      // the first failing schedule, or nil
	Points    int           // the most scheduling points one schedule went through (PCT's k)
	// Stuck names the threads of the failing schedule that could not be
	// ended afterwards (blocked outside the helpers): their goroutines leak.
	Stuck []string
}

// OK reports whether no schedule failed.
func (r *Result) OK() bool { return r.Failure == nil }

// String sums the result up in a line or, with a failure, a few.
func (r *Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d schedule%s (%s) in %v", r.Schedules, plural(r.Schedules), r.Strategy, r.Elapsed.Round(time.Millisecond))
	switch {
	case r.Failure != nil && r.Failure.Schedule == "":
		fmt.Fprintf(&b, ": schedule %d failed\n%v", r.Failure.Execution, r.Failure)
	case r.Failure != nil:
		fmt.Fprintf(&b, ": schedule %d failed\n%v\nreplay: explore.Replay(%q, f)", r.Failure.Execution, r.Failure, r.Failure.Schedule)
	case r.Complete:
		b.WriteString(": every schedule within the bound passed")
	case strings.HasPrefix(r.Strategy, "exhaustive"):
		b.WriteString(": all passed, but the budget ran out before every schedule within the bound was tried")
	default:
		b.WriteString(": all passed")
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Kind is what went wrong in a failing schedule.
type Kind uint8

// The kinds of failure.
const (
	Panic        Kind = iota + 1 // a controlled thread panicked
	CheckFailed                  // Failf was called
	Deadlock                     // every thread that had not ended was blocked
	Uncontrolled                 // a goroutine or a lock outside the helpers was used
	StepLimit                    // an execution went on for too many scheduling points
	BadSchedule                  // a replayed schedule did not fit the function
)

// String names the kind: "deadlock", "panic", "check failed"...
func (k Kind) String() string {
	switch k {
	case Panic:
		return "panic"
	case CheckFailed:
		return "check failed"
	case Deadlock:
		return "deadlock"
	case Uncontrolled:
		return "uncontrolled"
	case StepLimit:
		return "step limit"
	case BadSchedule:
		return "bad schedule"
	}
	return "unknown"
}

// Failure is a failing schedule: what happened, the schedule as a string for
// Replay, the steps that led there and, when the recorder could run, the
// schedule's timeline for charts.Show.
type Failure struct {
	Kind      Kind
	Message   string
	Schedule  string // for Replay
	Execution int    // which schedule of the exploration failed (1 is the first)
	// Steps tells the schedule: who ran at each point where another thread
	// could have run instead, and the preemptions, the steps that matter.
	Steps []string
	// Recording is the failing schedule replayed with the recorder on, with
	// each preemption marked: pass it to charts.Show.
	Recording *trace.Recording
	Value     any // the panic value, for Panic and CheckFailed
}

// Error returns the kind and the message.
func (f *Failure) Error() string { return f.Kind.String() + ": " + f.Message }

// checkFailure is the panic value of Failf.
type checkFailure struct{ msg string }

func (c *checkFailure) Error() string { return c.msg }

// Failf fails the current schedule with a message, as a failed assertion
// (a lost update, a wrong total): the exploration stops there and reports
// the schedule. It panics, so nothing after it runs. Outside an exploration
// it panics too, with the same message.
func Failf(format string, args ...any) {
	panic(&checkFailure{msg: fmt.Sprintf(format, args...)})
}

// failureOf turns a panic value of thread name into a failure.
func failureOf(name string, v any) *Failure {
	var pe *thread.PanicError
	if err, ok := v.(error); ok && errors.As(err, &pe) {
		v = pe.Value
	}
	var cf *checkFailure
	if err, ok := v.(error); ok && errors.As(err, &cf) {
		return &Failure{Kind: CheckFailed, Message: cf.msg, Value: v}
	}
	return &Failure{Kind: Panic, Message: fmt.Sprintf("%s panicked: %v", name, v), Value: v}
}

// runMu lets one exploration run at a time in a process.
var runMu sync.Mutex

// refuseNested panics when a controlled thread starts an exploration: it
// would wait for its own exploration to end.
func refuseNested() {
	mu.Lock()
	nested := current != nil && byG[goid.Get()] != nil
	mu.Unlock()
	if nested {
		panic("explore: Run or Replay called inside an exploration (the function under exploration must not explore)")
	}
}

// Run explores fn's schedules until one fails or the budget is spent. fn
// must set up its state afresh on every call (it runs once per schedule),
// spawn its threads with helpers/thread and share through the helpers
// (mutex, rwlock, mpsc, arc) or plain variables with Yield before each
// access. A panic, Failf, or a deadlock fails the schedule.
func (e *Explorer) Run(fn func()) *Result {
	refuseNested()
	runMu.Lock()
	defer runMu.Unlock()
	restore := enable()
	defer restore()
	timeout := e.timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	maxSteps := e.maxSteps
	if maxSteps <= 0 {
		maxSteps = DefaultMaxSteps
	}
	res := &Result{Strategy: e.name}
	s := e.strategy()
	t0 := time.Now()
	deadline = t0.Add(timeout)                // an execution that outlasts the budget (a livelock) ends there
	defer func() { deadline = time.Time{} }() // also when fn's exploration panics
	watch := newWatch()
	names := rec.SaveNames()
	prog := newProgress(e.name)
	defer prog.done()
	for n := 0; n < e.schedules; n++ {
		prog.show(n)
		s.begin(n)
		r := execute(s, fn, maxSteps, false)
		res.Schedules++
		res.Points = max(res.Points, r.steps)
		if names.Grown() > 4096 { // each schedule names its objects afresh: forget the old ones
			names.Restore()
		}
		if r.fail == nil && n == 0 {
			r.fail = watch.strays()
		}
		if r.fail != nil {
			res.Failure = r.fail
			res.Failure.Execution = n + 1
			if r.fail.Kind != Uncontrolled { // nothing to replay: the schedule was not under control
				res.Failure.Schedule = encode(r.choices)
			}
			res.Stuck = r.stuck
			break
		}
		if !s.more() {
			_, res.Complete = s.(*exhaustive)
			break
		}
		if time.Since(t0) > timeout {
			break
		}
	}
	if res.Failure == nil {
		if res.Failure = watch.strays(); res.Failure != nil {
			res.Failure.Execution = res.Schedules
		}
	}
	res.Elapsed = time.Since(t0)
	deadline = time.Time{} // the story's replay has no budget to run out of
	// No story for a run that never ended: replaying its thousands of steps
	// would take as long again and tell nothing more than the message.
	if f := res.Failure; f != nil && f.Kind != Uncontrolled && f.Kind != StepLimit && f.Schedule != "" {
		names.Restore()
		tell(f, fn, maxSteps)
	}
	return res
}

// Replay runs fn once under the given schedule (a Failure's Schedule) and
// returns what happened, with the failure's steps and timeline. After the
// schedule's last choice, threads run without preemptions.
func Replay(schedule string, fn func()) *Result {
	choices, err := decode(schedule)
	if err != nil {
		return &Result{Strategy: "replay", Failure: &Failure{Kind: BadSchedule, Message: err.Error(), Schedule: schedule}}
	}
	refuseNested()
	runMu.Lock()
	defer runMu.Unlock()
	restore := enable()
	defer restore()
	t0 := time.Now()
	rp := &replay{choices: choices}
	r := execute(rp, fn, DefaultMaxSteps, false)
	if left := len(choices) - rp.pos; left > 0 && (r.fail == nil || r.fail.Kind != BadSchedule && r.fail.Kind != Uncontrolled) {
		// A schedule longer than its run is not this run's schedule: choices
		// added after the end ("kept clicking"), or another function's.
		ended := "cleanly"
		if r.fail != nil {
			ended = "in a " + r.fail.Kind.String()
		}
		r.fail = &Failure{Kind: BadSchedule, Message: fmt.Sprintf("the schedule goes on after the run ended (%s): "+
			"%d of its %d choices came after that (choices added after the end, or a schedule for another function?)",
			ended, left, len(choices))}
	}
	res := &Result{Strategy: "replay", Schedules: 1, Elapsed: time.Since(t0), Failure: r.fail, Stuck: r.stuck}
	if f := res.Failure; f != nil {
		f.Execution = 1
		f.Schedule = encode(r.choices)
		if f.Kind != Uncontrolled && f.Kind != BadSchedule && f.Kind != StepLimit {
			tell(f, fn, DefaultMaxSteps)
		}
	}
	return res
}
