package explore

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
)

// Game is the tree of a function's schedules, built by Play for a learner
// who plays the scheduler: at every position, the threads that can move,
// what each will do next and where, the locks held, and who waits for whom;
// moving a thread leads to the next position, and the program's ends are
// the leaves. Show draws it as an output that plays without the kernel.
type Game struct {
	Title     string     // shown above the game ("play the scheduler" if empty)
	ElementID string     // the HTML element id of the output (random if empty)
	Threads   []string   // thread labels by index: Threads[0] is main, then in spawn order
	Positions []Position // Positions[0] is the start
	Bound     int        // the preemption bound (-1: none)
	Cap       int        // the most positions kept
	// Cut says why some moves were not explored ("" if every schedule
	// within the bound is in the tree): the size cap or the time budget.
	Cut     string
	Runs    int           // executions of the function
	Elapsed time.Duration // the exploration's wall time
	// Answer is the failing end with the fewest preemptions, then the
	// fewest steps: the explorer's answer to "show me a failing
	// schedule"; -1 if no end in the tree fails.
	Answer int
	Ends   int // end positions in the tree
	Failed int // of which failures
}

// Special values of Position.Next.
const (
	CannotMove  = -1 // the thread is blocked, has ended, or is not there yet
	BeyondBound = -2 // moving it would exceed the preemption bound
	NotExplored = -3 // cut by the size cap or the time budget
)

// Position is one point of the game: either a choice among two or more
// threads that can move, or an end of the program (End is set).
type Position struct {
	Parent int    // the position before, -1 at the start
	Thread int    // the thread moved at Parent to get here, -1 at the start
	Steps  []Step // what ran from that move up to here (forced steps included)
	// Threads is the state of every thread spawned so far, by index.
	Threads []ThreadState
	// Locks says who holds which lock ("left: held by alice"), then what
	// is in each channel used so far ("channel results: 1 message sent and
	// not yet received").
	Locks []string
	// Next gives, by thread index, the position that moving the thread
	// leads to, or CannotMove, BeyondBound or NotExplored.
	Next        []int
	Preemptions int      // preemptions on the way here
	End         *Outcome // set where the program ended
}

// Step is one thread going on past a scheduling point.
type Step struct {
	Thread int
	Op     string // what it did: "locks left", "joins alice"
	At     string // where, as reports name lines: "cell [4] line 7"
	Code   string // that line's code, trimmed
}

// ThreadState is a thread at a position.
type ThreadState struct {
	Status string // "ready", "blocked" or "done"
	Op     string // what it does next ("locks right"); "" once done
	At     string
	Code   string
	Why    string // for a blocked thread: what it waits for, and who holds it
}

// Outcome is how the program ended at a position.
type Outcome struct {
	Kind    Kind   // 0 when every thread finished
	Message string // what happened
	// Cycle lists, for a deadlock, the waits that close the circle:
	// "alice waits for right, held by bob", ...
	Cycle []string
}

// Failed reports whether the end is a failure.
func (o *Outcome) Failed() bool { return o != nil && o.Kind != 0 }

// String is "finished" or the failure's kind and message.
func (o *Outcome) String() string {
	if o.Kind == 0 {
		return o.Message
	}
	return o.Kind.String() + ": " + o.Message
}

// PlayOption sets a bound of Play.
type PlayOption func(*playConfig)

type playConfig struct {
	bound    int
	cap      int
	timeout  time.Duration
	maxSteps int
}

// Default bounds of Play.
const (
	DefaultPlayCap     = 3000 // positions
	DefaultPlayTimeout = 20 * time.Second
)

// Bound keeps only schedules with at most n preemptions (a switch away from
// a thread that could have gone on). Moves beyond it are shown but cannot be
// played. The default is no bound; a negative n means none.
func Bound(n int) PlayOption {
	return func(c *playConfig) {
		if n < 0 {
			n = -1
		}
		c.bound = n
	}
}

// MaxPositions caps the tree at about n positions (DefaultPlayCap unless
// set); the moves not explored are marked, and Game.Cut says so.
func MaxPositions(n int) PlayOption { return func(c *playConfig) { c.cap = max(n, 1) } }

// PlayTimeout bounds the exploration's time (DefaultPlayTimeout unless set).
func PlayTimeout(d time.Duration) PlayOption { return func(c *playConfig) { c.timeout = d } }

// playing is set while Play runs: scheduling points then note their source line.
var playing atomic.Bool

// Play explores fn's schedules under the explorer's control and returns
// them as a game tree: every choice of which thread moves next, within the
// bounds, from the start to each end (a clean finish, a deadlock with its
// cycle, a panic, a failed Failf). fn is written as for Run. Show it with
// Show, where the learner is the scheduler:
//
//	explore.Play(f, explore.Bound(2)).Show()
func Play(fn func(), opts ...PlayOption) *Game {
	cfg := playConfig{bound: -1, cap: DefaultPlayCap, timeout: DefaultPlayTimeout, maxSteps: 2000}
	for _, o := range opts {
		o(&cfg)
	}
	refuseNested()
	runMu.Lock()
	defer runMu.Unlock()
	restore := enable()
	defer restore()
	playing.Store(true)
	defer playing.Store(false)
	names := rec.SaveNames()
	defer names.Restore()

	g := &Game{Bound: cfg.bound, Cap: cfg.cap, Answer: -1}
	t0 := time.Now()
	type item struct {
		prefix         []int
		parent, thread int
	}
	var buckets [][]item // by preemptions
	push := func(pre int, it item) {
		for len(buckets) <= pre {
			buckets = append(buckets, nil)
		}
		buckets[pre] = append(buckets[pre], it)
	}
	pop := func() (item, bool) {
		for i := range buckets {
			if n := len(buckets[i]); n > 0 {
				it := buckets[i][n-1]
				buckets[i] = buckets[i][:n-1]
				return it, true
			}
		}
		return item{}, false
	}
	push(0, item{parent: -1, thread: -1})
	for {
		it, ok := pop()
		if !ok {
			break
		}
		if len(g.Positions) >= cfg.cap || time.Since(t0) > cfg.timeout {
			if g.Cut == "" {
				g.Cut = fmt.Sprintf("the size cap (%d positions) cut the tree: some moves were not explored", cfg.cap)
				if len(g.Positions) < cfg.cap {
					g.Cut = fmt.Sprintf("the time budget (%v) ran out: some moves were not explored", cfg.timeout)
				}
			}
			if it.parent >= 0 {
				g.Positions[it.parent].Next[it.thread] = NotExplored
			}
			continue
		}
		w := &playWalk{prefix: it.prefix}
		r := execute(w, fn, cfg.maxSteps, false)
		g.Runs++
		for i, t := range r.threads {
			if i >= len(g.Threads) {
				g.Threads = append(g.Threads, t.label())
			}
		}
		if names.Grown() > 4096 {
			names.Restore()
		}
		if w.end == nil { // ended by the watchdog, not by a pick
			w.end = &snapshot{}
		}
		if w.end.outcome == nil {
			w.end.outcome = outcomeOf(r.fail, nil)
		}
		parent, thread := it.parent, it.thread
		for j := len(it.prefix); j <= len(w.decisions); j++ {
			from := 0
			if j > 0 {
				from = w.decisions[j-1].steps
			}
			to := len(w.steps)
			snap := w.end
			if j < len(w.decisions) {
				snap = &w.decisions[j].snapshot
				to = w.decisions[j].steps
			}
			p := Position{Parent: parent, Thread: thread, Steps: w.steps[from:to:to],
				Threads: snap.threads, Locks: snap.locks, End: snap.outcome}
			idx := len(g.Positions)
			if parent >= 0 {
				p.Preemptions = g.Positions[parent].Preemptions
				if d := w.decisions[j-1]; d.preempts(thread) {
					p.Preemptions++
				}
				g.Positions[parent].Next[thread] = idx
			}
			p.Next = make([]int, len(p.Threads))
			for i := range p.Next {
				p.Next[i] = CannotMove
			}
			if j < len(w.decisions) {
				d := w.decisions[j]
				for _, e := range d.enabled {
					if e == w.chosen[j] {
						continue
					}
					pre := p.Preemptions
					if d.preempts(e) {
						pre++
					}
					if cfg.bound >= 0 && pre > cfg.bound {
						p.Next[e] = BeyondBound
						continue
					}
					p.Next[e] = NotExplored // until its execution runs
					prefix := append(append([]int(nil), w.chosen[:j]...), e)
					push(pre, item{prefix: prefix, parent: idx, thread: e})
				}
				thread = w.chosen[j]
			} else {
				g.Ends++
			}
			g.Positions = append(g.Positions, p)
			if p.End.Failed() {
				g.Failed++
				if g.Answer < 0 || g.simpler(idx, g.Answer) {
					g.Answer = idx
				}
			}
			parent = idx
		}
	}
	g.Elapsed = time.Since(t0)
	return g
}

// depth counts the steps from the start to position i.
func (g *Game) depth(i int) int {
	n := 0
	for ; i >= 0; i = g.Positions[i].Parent {
		n += len(g.Positions[i].Steps)
	}
	return n
}

// simpler reports whether the path to position i is simpler than the path
// to j: fewer preemptions, then fewer steps, then the earlier schedule
// string (threads spawned first go first).
func (g *Game) simpler(i, j int) bool {
	if pi, pj := g.Positions[i].Preemptions, g.Positions[j].Preemptions; pi != pj {
		return pi < pj
	}
	if di, dj := g.depth(i), g.depth(j); di != dj {
		return di < dj
	}
	return g.Schedule(i) < g.Schedule(j)
}

// Schedule returns the schedule string that leads to position i, for Replay
// (after its last choice, Replay runs the threads without preemptions).
func (g *Game) Schedule(i int) string {
	var choices []int
	for ; i > 0 && i < len(g.Positions); i = g.Positions[i].Parent {
		choices = append(choices, g.Positions[i].Thread)
	}
	for a, b := 0, len(choices)-1; a < b; a, b = a+1, b-1 {
		choices[a], choices[b] = choices[b], choices[a]
	}
	return encode(choices)
}

// Letter returns the letter that stands for thread i in schedule strings.
func Letter(i int) string { return string(letter(i)) }

// String sums the game up in a few lines.
func (g *Game) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d positions, %d threads, %d ends (%d fail), from %d runs in %v",
		len(g.Positions), len(g.Threads), g.Ends, g.Failed, g.Runs, g.Elapsed.Round(time.Millisecond))
	if g.Bound >= 0 {
		fmt.Fprintf(&b, "; preemption bound %d", g.Bound)
	}
	if g.Cut != "" {
		b.WriteString("\nnote: " + g.Cut)
	}
	if g.Answer >= 0 {
		fmt.Fprintf(&b, "\na failing schedule: %s (%s)", g.Schedule(g.Answer), g.Positions[g.Answer].End)
	}
	return b.String()
}

// snapshot is what a position shows.
type snapshot struct {
	threads []ThreadState
	locks   []string
	outcome *Outcome
}

// decision is a point of one execution where two or more threads could move.
type decision struct {
	snapshot
	steps   int   // steps taken before it
	enabled []int // the threads that could move
	active  int   // the thread that ran up to here, -1 if none could go on
}

// preempts reports whether moving thread e here is a preemption.
func (d *decision) preempts(e int) bool { return d.active >= 0 && e != d.active }

// playWalk is Play's strategy: it follows a prefix of choices, then runs
// without preemptions, and notes every step and every decision.
type playWalk struct {
	prefix    []int
	chosen    []int
	steps     []Step
	decisions []decision
	end       *snapshot
}

func (w *playWalk) begin(int)          {}
func (w *playWalk) exited(*run, *proc) {}
func (w *playWalk) more() bool         { return false }

func (w *playWalk) choose(r *run, en []*proc) *proc {
	if r.onEnd == nil && w.end == nil {
		r.onEnd = w.ended
	}
	next := en[0]
	if len(en) > 1 {
		d := decision{snapshot: snap(r), steps: len(w.steps), active: -1}
		for _, t := range en {
			d.enabled = append(d.enabled, t.idx)
			if t == r.active {
				d.active = t.idx
			}
		}
		w.decisions = append(w.decisions, d)
		if n := len(w.chosen); n < len(w.prefix) {
			next = nil
			for _, t := range en {
				if t.idx == w.prefix[n] {
					next = t
				}
			}
			if next == nil {
				r.fail = &Failure{Kind: BadSchedule, Message: "the function did something different on a run with the same " +
					"schedule (does it depend on time or randomness?): the game cannot be built"}
				w.decisions = w.decisions[:len(w.decisions)-1]
				return nil
			}
		} else {
			next = stay(r, en)
		}
		w.chosen = append(w.chosen, next.idx)
	}
	w.steps = append(w.steps, Step{Thread: next.idx, Op: r.opText(next), At: next.site.at, Code: next.site.code})
	w.count(r, next)
	return next
}

// count follows the messages on each channel, as the threads that move
// send and receive: a send adds one; a receive takes one if there is one
// (else it will wait, and takes it when it moves again).
func (w *playWalk) count(r *run, t *proc) {
	o, verb := t.op, t.site.verb
	if o.kind != opAccess && o.kind != opWait {
		return
	}
	if r.chans == nil {
		r.chans = map[uint64]int{}
	}
	switch {
	case verb == "Send" && o.kind == opAccess:
		r.chans[o.obj]++
	case isRecv(verb):
		if r.chans[o.obj] > 0 {
			r.chans[o.obj]--
		} else if _, ok := r.chans[o.obj]; !ok {
			r.chans[o.obj] = 0
		}
	}
}

// ended takes the snapshot of the end (called by pick with mu held).
func (w *playWalk) ended(r *run) {
	s := snap(r)
	s.outcome = outcomeOf(r.fail, r)
	w.end = &s
}

// snap notes the threads and the locks of r (mu held).
func snap(r *run) snapshot {
	var s snapshot
	for _, t := range r.threads {
		ts := ThreadState{Status: "ready"}
		switch {
		case t.done:
			ts.Status = "done"
		case !r.ready(t):
			ts.Status = "blocked"
			ts.Why = r.describeWait(t)
		}
		if !t.done {
			ts.Op, ts.At, ts.Code = r.opText(t), t.site.at, t.site.code
		}
		s.threads = append(s.threads, ts)
	}
	for id, hs := range r.holders {
		if len(hs) == 0 {
			continue
		}
		var who []string
		for _, t := range hs {
			who = append(who, t.label())
		}
		how := "held by "
		if ls := r.locks[id]; ls != nil && ls.writer == nil {
			how = "read-held by "
		}
		s.locks = append(s.locks, objectName(id)+": "+how+strings.Join(who, ", "))
	}
	sort.Strings(s.locks)
	var chans []string
	for id, n := range r.chans {
		what := "empty"
		if n > 0 {
			what = fmt.Sprintf("%d message%s sent and not yet received", n, plural(n))
		}
		chans = append(chans, "channel "+objectName(id)+": "+what)
	}
	sort.Strings(chans)
	s.locks = append(s.locks, chans...)
	return s
}

// outcomeOf describes how an execution ended; r (mu held) gives the cycle of a deadlock.
func outcomeOf(f *Failure, r *run) *Outcome {
	if f == nil {
		return &Outcome{Message: "every thread finished"}
	}
	o := &Outcome{Kind: f.Kind, Message: f.Message}
	if f.Kind == Deadlock && r != nil {
		o.Cycle = r.cycle()
	}
	return o
}

// waitsFor returns the thread t waits for, if one thread can release it.
func (r *run) waitsFor(t *proc) *proc {
	if t.done || r.ready(t) {
		return nil
	}
	switch t.op.kind {
	case opLock:
		if ls := r.locks[t.op.obj]; ls != nil && ls.writer != nil {
			return ls.writer
		}
		if w := r.queuedWriter(t.op.obj, t); w != nil && t.op.shared {
			return w
		}
		if hs := r.holders[t.op.obj]; len(hs) == 1 {
			return hs[0]
		}
	case opJoin:
		return r.byID[t.op.obj]
	}
	return nil
}

// cycle finds a circle of waits among r's threads, as lines.
func (r *run) cycle() []string {
	for _, start := range r.threads {
		seen := map[*proc]int{}
		var path []*proc
		for t := start; t != nil; t = r.waitsFor(t) {
			if i, ok := seen[t]; ok {
				var out []string
				for _, u := range path[i:] {
					out = append(out, u.label()+" "+r.describeWait(u))
				}
				return out
			}
			seen[t] = len(path)
			path = append(path, t)
		}
	}
	return nil
}

// opText says what t does at its op.
func (r *run) opText(t *proc) string {
	o := t.op
	name := objectName(o.obj)
	verb := t.site.verb
	switch o.kind {
	case opStart:
		return "starts"
	case opLock:
		if o.shared {
			return "read-locks " + name
		}
		return "locks " + name
	case opTry:
		return "tries to lock " + name
	case opJoin:
		if u := r.byID[o.obj]; u != nil {
			return "joins " + u.label()
		}
		return "joins a thread"
	case opWait:
		switch {
		case isRecv(verb):
			return "waits for a message on " + name
		case strings.HasPrefix(verb, "Send"):
			return "waits for room on " + name
		}
		return "waits on " + name
	case opYield:
		return "touches shared memory"
	}
	switch verb {
	case "Send":
		return "sends on " + name
	case "Recv", "TryRecv", "RecvTimeout", "Iter":
		return "receives from " + name
	case "Close":
		return "closes " + name
	case "Clone":
		return "clones " + name
	case "Drop":
		return "drops " + name
	case "":
		return "uses " + name
	}
	return verb + " " + name
}

// site is where a thread's next operation is in the learner's code.
type site struct {
	verb string // the helper method called: "Lock", "Send", "Yield"
	at   string // "cell [4] line 7"
	code string
}

// siteHere finds the learner's line that called into the helpers, and the
// helper method it called, skip frames above the caller of siteHere.
func siteHere(skip int) site {
	var pcs [32]uintptr
	n := runtime.Callers(skip+2, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var s site
	for {
		f, more := frames.Next()
		if !callers.IsHelper(f.Function, f.File) {
			s.at, s.code = where.Source(f.File, f.Line)
			return s
		}
		if v := methodName(f.Function); v != "" && !strings.HasPrefix(f.Function, "runtime.") {
			s.verb = v
		}
		if !more {
			return s
		}
	}
}

// methodName is the last name of a function ("Lock" of
// ".../mutex.(*Mutex[...]).Lock"), "" for a closure.
func methodName(fn string) string {
	parts := strings.Split(fn, ".")
	v := parts[len(parts)-1]
	if strings.HasPrefix(v, "func") && len(parts) > 1 { // a closure: the method it is in (Iter)
		v = parts[len(parts)-2]
	}
	if v == "" || v[0] < 'A' || v[0] > 'Z' {
		return ""
	}
	return v
}

// isRecv reports whether a helper method receives from a channel.
func isRecv(verb string) bool {
	return verb == "Recv" || verb == "TryRecv" || verb == "RecvTimeout" || verb == "Iter"
}
