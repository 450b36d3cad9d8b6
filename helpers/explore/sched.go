package explore

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/trace"
)

// This file is the baton: exactly one controlled thread runs between two
// scheduling points. A thread that reaches a point says what it is about to
// do (its op), and the strategy picks who runs next among the threads whose
// op can proceed. The others wait on their turn channel.

// opKind is what a thread is about to do at a scheduling point.
type opKind uint8

const (
	opStart  opKind = iota // a new thread's first step
	opLock                 // take a lock (waits while another thread holds it)
	opTry                  // TryLock and friends: never waits
	opJoin                 // wait for thread obj to end
	opWait                 // wait until another thread changes obj (then retry)
	opAccess               // anything else on obj: send, receive, clone, drop
	opYield                // explore.Yield: plain shared memory
)

// memory is the object of explore.Yield: all plain variables, as one.
const memory = ^uint64(0)

type op struct {
	kind   opKind
	obj    uint64
	shared bool // a read lock
}

// proc is one controlled thread of an execution: main (idx 0) or a thread
// spawned through helpers/thread.
type proc struct {
	idx    int
	id     uint64 // helpers/thread id; 0 for main
	name   string
	g      int64 // goroutine, once started
	turn   chan bool
	exited chan struct{}
	gone   chan struct{} // closed when its goroutine is done with the helpers (nil for main)
	isGone bool
	op     op
	done   bool
	waited bool // could not proceed at its current op (a queued writer blocks new readers)
	woken  bool // for opWait: obj changed since
	vv     []uint32
	prio   float64
	panic  *Failure // set when its function panicked
	ok     bool     // could go on, at the latest decision
	site   site     // where its op is (only while Play runs)
}

func (t *proc) label() string {
	switch {
	case t.name != "":
		return t.name
	case t.idx == 0:
		return "main"
	}
	return fmt.Sprintf("thread %d", t.idx)
}

type lockState struct {
	writer  *proc
	readers int
}

// step is one decision of an execution, kept for the failure's story.
type step struct {
	thread    int
	op        op
	preempt   bool   // the previous thread could have gone on
	fromLabel string // the previous thread, for a preemption
}

// run is one execution of the function under exploration.
type run struct {
	threads  []*proc
	byID     map[uint64]*proc
	active   *proc
	locks    map[uint64]*lockState
	strat    strategy
	choices  []int // the thread picked at each decision among two or more
	steps    int
	maxSteps int
	trail    []step // kept only when story is set
	story    bool
	onSwitch func(t *proc, s step) // called on the thread that resumes after a preemption (marks)
	mark     *step
	fail     *Failure
	ended    chan struct{}
	aborting bool
	stuck    []string
	outside  *proc     // blocked outside the helpers (found by the watchdog)
	deadline time.Time // the exploration's time budget ends (zero: none): a livelock cannot outlast it
	en       []*proc
	onEnd    func(r *run)       // Play: called once, by the pick that ends the execution
	holders  map[uint64][]*proc // Play: who holds each lock
	chans    map[uint64]int     // Play: messages on each channel, sent and not yet received
}

var (
	mu      sync.Mutex
	current *run
	byG     = map[int64]*proc{}
)

func newRun(s strategy, maxSteps int) *run {
	r := &run{byID: map[uint64]*proc{}, locks: map[uint64]*lockState{},
		strat: s, maxSteps: maxSteps, ended: make(chan struct{}), deadline: deadline}
	r.add(0, "", nil)
	return r
}

// add registers a new thread, spawned by parent (nil for main).
func (r *run) add(id uint64, name string, parent *proc) *proc {
	t := &proc{idx: len(r.threads), id: id, name: name, turn: make(chan bool, 1),
		exited: make(chan struct{}), op: op{kind: opStart}}
	if id != 0 {
		t.gone = make(chan struct{})
	}
	if parent != nil {
		t.vv = append([]uint32(nil), parent.vv...)
	}
	r.threads = append(r.threads, t)
	if id != 0 {
		r.byID[id] = t
	}
	return t
}

// self returns the calling goroutine's thread in the current execution, or
// nil if there is none or the goroutine is not controlled (then the use is
// recorded as uncontrolled).
func self(what string) (*run, *proc) {
	r := current
	if r == nil {
		return nil, nil
	}
	t := byG[goid.Get()]
	if t == nil || t.idx >= len(r.threads) || r.threads[t.idx] != t {
		if !r.aborting && r.fail == nil {
			r.fail = &Failure{Kind: Uncontrolled, Message: fmt.Sprintf(
				"%s from a goroutine that was not spawned through helpers/thread "+
					"(a plain go statement?): the explorer cannot control it, so it stopped", what)}
		}
		return r, nil
	}
	return r, t
}

// ready reports whether t's op can proceed now.
func (r *run) ready(t *proc) bool {
	if t.done {
		return false
	}
	switch t.op.kind {
	case opLock:
		ls := r.locks[t.op.obj]
		if ls == nil {
			return !t.op.shared || !r.writerQueued(t.op.obj, t)
		}
		if t.op.shared {
			return ls.writer == nil && !r.writerQueued(t.op.obj, t)
		}
		return ls.writer == nil && ls.readers == 0
	case opJoin:
		u := r.byID[t.op.obj]
		return u == nil || u.done
	case opWait:
		return t.woken
	}
	return true
}

// writerQueued reports whether a thread other than t waits to write-lock obj:
// like the helpers' RwLock, new readers then wait behind it.
func (r *run) writerQueued(obj uint64, t *proc) bool { return r.queuedWriter(obj, t) != nil }

func (r *run) queuedWriter(obj uint64, t *proc) *proc {
	for _, u := range r.threads {
		if u != t && !u.done && u.waited && u.op.kind == opLock && u.op.obj == obj && !u.op.shared {
			return u
		}
	}
	return nil
}

// enabled returns the threads whose op can proceed, in index order.
func (r *run) enabled(buf []*proc) []*proc {
	// Writers first: whether one is queued decides whether readers can go.
	for _, t := range r.threads {
		t.ok = r.ready(t)
		if !t.ok && !t.done && t.op.kind == opLock && !t.op.shared {
			t.waited = true
		}
	}
	for _, t := range r.threads {
		if t.op.kind == opLock && t.op.shared && !t.done {
			t.ok = r.ready(t)
		}
		if t.ok {
			buf = append(buf, t)
		}
	}
	return buf
}

// pick chooses the thread that runs next, or nil when the execution is over
// (every thread ended, a deadlock, a failure).
func (r *run) pick() *proc {
	next := r.pickNext()
	if next == nil && r.onEnd != nil && !r.aborting {
		end := r.onEnd
		r.onEnd = nil
		end(r)
	}
	return next
}

func (r *run) pickNext() *proc {
	if r.fail != nil || r.aborting {
		return nil
	}
	r.en = r.enabled(r.en[:0])
	en := r.en
	if len(en) == 0 {
		for _, t := range r.threads {
			if !t.done {
				r.fail = &Failure{Kind: Deadlock, Message: r.deadlockMessage()}
				if r.story {
					trace.Mark("deadlock")
				}
				break
			}
		}
		return nil
	}
	r.steps++
	if r.steps%64 == 0 && !r.deadline.IsZero() && time.Now().After(r.deadline) {
		r.fail = &Failure{Kind: StepLimit, Message: fmt.Sprintf(
			"one execution was still going at the end of the exploration's time budget, after %d scheduling points: "+
				"a thread that loops — retrying, sleeping — and never gets anywhere (a livelock)? (take the locks in one order, or use a channel or Join)", r.steps)}
		return nil
	}
	if r.steps > r.maxSteps {
		r.fail = &Failure{Kind: StepLimit, Message: fmt.Sprintf(
			"more than %d scheduling points in one execution: a loop that waits for another thread by spinning? (use a lock, a channel or Join)", r.maxSteps)}
		return nil
	}
	next := r.strat.choose(r, en)
	if next == nil {
		return nil // the strategy failed the execution (a replay that does not fit)
	}
	if len(en) > 1 {
		r.choices = append(r.choices, next.idx)
	}
	if r.story {
		prev := r.active
		s := step{thread: next.idx, op: next.op, preempt: prev != nil && prev != next && r.ready(prev)}
		if s.preempt {
			s.fromLabel = prev.label()
		}
		r.trail = append(r.trail, s)
		if s.preempt {
			r.mark = &s // next marks it on the timeline when it resumes
		}
	}
	next.waited = false
	if next.op.kind == opWait {
		next.woken = false
	}
	return next
}

// handoff gives the turn to next, or ends the execution if next is nil.
func (r *run) handoff(next *proc) {
	if next == nil {
		r.active = nil
		select {
		case <-r.ended:
		default:
			close(r.ended)
		}
		return
	}
	r.active = next
	next.turn <- true
}

// yield is called with mu held by the active thread t after it set t.op. It
// returns with mu released, once t may go on.
func (r *run) yield(t *proc) {
	next := r.pick()
	if next == t {
		mu.Unlock()
		return
	}
	span := r.story && !t.done && !r.ready(t) && waitSpan(t.op, rec.Begin)
	r.handoff(next)
	mu.Unlock()
	r.wait(t)
	if span {
		waitSpan(t.op, rec.End)
	}
}

// waitSpan records, on the timeline of a failing schedule, that a thread
// waits at its op (for a lock or a join), so a deadlock shows who waits.
func waitSpan(o op, phase rec.Phase) bool {
	switch o.kind {
	case opLock:
		mode := int64(rec.ModeExclusive)
		if o.shared {
			mode = rec.ModeShared
		}
		rec.Emit(rec.LockWait, phase, o.obj, 0, mode)
	case opJoin:
		rec.Emit(rec.Join, phase, o.obj, 0, 0)
	default:
		return false
	}
	return true
}

// wait parks t until its turn. If the execution is being torn down instead,
// t's goroutine ends (runtime.Goexit runs its deferred calls).
func (r *run) wait(t *proc) {
	if ok := <-t.turn; !ok {
		runtime.Goexit()
	}
	r.marked(t)
}

// marked lets t, which has just got its turn, mark a preemption on the timeline.
// The previous thread set r.mark before handing the turn over.
func (r *run) marked(t *proc) {
	if s := r.mark; s != nil && r.onSwitch != nil {
		r.mark = nil
		r.onSwitch(t, *s)
	}
}

// point is a scheduling point of the calling goroutine before o.
func point(o op, what string) {
	var at site
	if playing.Load() {
		at = siteHere(1)
	}
	mu.Lock()
	r, t := self(what)
	if t == nil || r.aborting || r.active != t {
		mu.Unlock()
		return
	}
	t.op = o
	t.site = at
	r.yield(t)
}

// start is the first thing a controlled thread's goroutine does.
func (r *run) start(t *proc) {
	mu.Lock()
	t.g = goid.Get()
	byG[t.g] = t
	mu.Unlock()
	if ok := <-t.turn; !ok {
		mu.Lock()
		t.done = true
		t.markGone() // it ends here, before its helper's deferred finish is set up
		mu.Unlock()
		close(t.exited)
		runtime.Goexit()
	}
	r.marked(t)
}

// markGone says t's goroutine will do nothing more with the helpers
// (engine.ThreadGone). Called with mu held.
func (t *proc) markGone() {
	if t.gone != nil && !t.isGone {
		t.isGone = true
		close(t.gone)
	}
}

// exit is the last thing a controlled thread does: it hands the turn on.
func (r *run) exit(t *proc, failure *Failure) {
	mu.Lock()
	defer mu.Unlock()
	if t.done {
		return
	}
	t.done = true
	t.op = op{}
	defer close(t.exited)
	if r.aborting {
		return
	}
	if failure != nil && r.fail == nil {
		r.fail = failure
	}
	r.strat.exited(r, t)
	if r.active != t {
		return // an uncontrolled ending; the execution is already over
	}
	r.handoff(r.pick())
}

// deadlockMessage says what every thread that has not ended waits for.
func (r *run) deadlockMessage() string {
	var b strings.Builder
	b.WriteString("every thread is blocked")
	for _, t := range r.threads {
		if t.done {
			continue
		}
		fmt.Fprintf(&b, "\n  %s %s", t.label(), r.describeWait(t))
	}
	return b.String()
}

func (r *run) describeWait(t *proc) string {
	switch t.op.kind {
	case opLock:
		what := "lock"
		if t.op.shared {
			what = "read lock"
		}
		s := fmt.Sprintf("waits for the %s of %s", what, objectName(t.op.obj))
		ls := r.locks[t.op.obj]
		switch w := r.queuedWriter(t.op.obj, t); {
		case ls != nil && ls.writer != nil:
			s += ", held by " + ls.writer.label()
		case t.op.shared && w != nil:
			s += ", queued behind " + w.label() + " (a writer waits, so new readers wait)"
		case ls != nil && ls.readers > 0:
			s += fmt.Sprintf(", read-held by %d thread%s", ls.readers, plural(ls.readers))
		}
		return s
	case opJoin:
		if u := r.byID[t.op.obj]; u != nil {
			return "waits to join " + u.label()
		}
		return "waits to join a thread"
	case opWait:
		return "waits on " + objectName(t.op.obj)
	}
	return "is stuck"
}

// teardown ends every thread of a finished execution that has not ended:
// one at a time, each runs its deferred calls (runtime.Goexit). It waits for
// each at most a moment, and returns the threads that did not end.
func (r *run) teardown() (stuck []string) {
	mu.Lock()
	r.aborting = true
	var left []*proc
	for _, t := range r.threads {
		if !t.done {
			left = append(left, t)
		}
	}
	mu.Unlock()
	blocked := map[*proc]bool{r.outside: true}
	for _, t := range left {
		if t == r.outside {
			continue
		}
		select {
		case t.turn <- false:
		default: // it already had its turn and is running uncontrolled code
		}
		if !waitClosed(t.exited) {
			blocked[t] = true
		}
	}
	// Then wait for every thread's goroutine, torn down or ended on its own,
	// to be gone: what it still does after its turn (record the end of its
	// run, release its joiners) belongs to this execution.
	for _, t := range r.threads {
		if t.gone != nil && !blocked[t] && !waitClosed(t.gone) {
			blocked[t] = true
		}
	}
	mu.Lock()
	for _, t := range r.threads {
		if byG[t.g] == t {
			delete(byG, t.g)
		}
	}
	mu.Unlock()
	for t := range blocked {
		if t != nil {
			stuck = append(stuck, t.label())
		}
	}
	sort.Strings(stuck)
	return stuck
}

// waitClosed waits for c to close, at most a second.
func waitClosed(c chan struct{}) bool {
	timer := time.NewTimer(time.Second)
	defer timer.Stop()
	select {
	case <-c:
		return true
	case <-timer.C:
		return false
	}
}
