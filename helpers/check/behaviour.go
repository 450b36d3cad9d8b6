package check

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/trace"
)

// An Expectation is one thing Observe requires of a recording: it returns
// "" when the recording shows it, and otherwise one line for the learner
// saying what was missing. Threads, AtOnce, NotOnCaller, Spawned, Joined,
// Locked, Overlapped, Sent and SendersDropped make them.
type Expectation func(r *trace.Recording) (why string)

// Expect adds expectations to an Observe check.
func Expect(e ...Expectation) Option {
	return func(o *options) { o.expect = append(o.expect, e...) }
}

// Observe checks how f did its work, not only what came back: it runs f
// once with the recorder (helpers/trace) on, then requires every
// expectation given with Expect to hold in what was recorded. Recording is
// restarted afterwards if it was on before (a notebook cell's chart then
// shows only what follows). A panic or a timeout fails the check as usual.
//
// The verdict rests on the order of recorded events, never on how long
// anything took: pair it with a Gate in the learner's callbacks, so that
// work which can overlap is made to overlap, and work which cannot is seen
// one call at a time, on a quiet machine or a busy one, on 1 core or 4.
//
// Do not rely on the race detector inside Observe: the recorder's own
// bookkeeping orders the threads, which hides data races; use RaceFree.
func (c *Checks) Observe(name string, f func(), opts ...Option) bool {
	o, r, ok := c.start(opts)
	if !ok {
		return c.add(name, o, r)
	}
	if len(o.expect) == 0 {
		panic("check: Observe needs at least one expectation: check.Expect(check.Threads(...), ...)")
	}
	was := trace.Enabled()
	if was {
		trace.Stop()
	}
	if err := trace.Start(); err != nil {
		return c.add(name, o, Check{Status: StatusFailed, Message: "the recorder could not start: " + err.Error()})
	}
	out := call(o.timeout, func() {
		trace.Mark(observedMark) // names the goroutine that called f (see Spawned)
		f()
		trace.Mark(returnedMark) // where f returned (see Joined)
	})
	rec := trace.Stop()
	if was {
		_ = trace.Start()
	}
	if r, ok := verdict(out, o.timeout); !ok {
		return c.add(name, o, r)
	}
	if rec.Dropped > 0 {
		return c.add(name, o, Check{Message: fmt.Sprintf("the recorder was full (%d events not kept): this check needs a smaller run", rec.Dropped)})
	}
	for _, e := range o.expect {
		if why := e(rec); why != "" {
			return c.add(name, o, Check{Message: why})
		}
	}
	return c.add(name, o, Check{})
}

// Threads expects exactly n distinct threads (goroutines), besides the one
// that called the observed function, to have done the work named what: run
// a span of that name (trace.Span, or a Gate's Enter), or taken a lock of
// that name (mutex.Name, rwlock.Name, trace.Label). The caller is left out
// because it may take the lock to read the result. Failing, it says "tally
// was used on 1 thread besides the caller; this exercise needs exactly 4".
func Threads(what string, n int) Expectation {
	return func(r *trace.Recording) string {
		gs := workers(r, what)
		delete(gs, caller(r))
		if len(gs) == n {
			return ""
		}
		return fmt.Sprintf("%s was used on %s besides the caller; this exercise needs exactly %d", what, plural(len(gs), "thread"), n)
	}
}

// Caller returns the goroutine that called the observed function in a
// recording Observe made (-1 if the recording does not say), for an
// Expectation of your own: "the caller made every clone", say.
func Caller(r *trace.Recording) int64 { return caller(r) }

// caller returns the goroutine that called the observed function (-1 if
// the recording does not say).
func caller(r *trace.Recording) int64 {
	for _, e := range r.Events {
		if e.Kind == trace.UserMark && r.ObjectName(e.Object) == observedMark {
			return e.G
		}
	}
	return -1
}

// AtOnce expects at least n spans named what (trace.Span, or a Gate's
// Enter) to have been in progress at the same moment of the recording.
// Failing, it says "the work ran on 1 thread at a time; this exercise needs
// 3 working at once".
func AtOnce(what string, n int) Expectation {
	return func(r *trace.Recording) string {
		got := peak(r, func(e trace.Event) bool {
			return e.Kind == trace.UserSpan && r.ObjectName(e.Object) == what
		})
		if got >= n {
			return ""
		}
		return fmt.Sprintf("%s ran on %s at a time; this exercise needs %d working at once", what, plural(got, "thread"), n)
	}
}

// observedMark marks, in an Observe recording, the goroutine that called
// the observed function; returnedMark, the moment it returned.
const (
	observedMark = "check: observed call"
	returnedMark = "check: observed call returned"
)

// returned returns the index of the event at which the observed function
// returned (len(r.Events) if the recording does not say).
func returned(r *trace.Recording) int {
	for i, e := range r.Events {
		if e.Kind == trace.UserMark && r.ObjectName(e.Object) == returnedMark {
			return i
		}
	}
	return len(r.Events)
}

// Joined expects every thread spawned while the observed function ran
// (helpers/thread) to have been joined — JoinHandle.Join, or the end of its
// Scope — before the function returned. A thread left to finish on its own
// (a sleep "long enough", a WaitGroup beside the handles, a handle lost)
// fails it even when it happened to finish in time. Failing, it says "2 of
// the 3 threads it spawned were not joined before it returned; …".
func Joined() Expectation {
	return func(r *trace.Recording) string {
		end := returned(r)
		var spawned []uint64
		seen, joined := map[uint64]bool{}, map[uint64]bool{}
		for i, e := range r.Events {
			switch {
			case e.Kind == trace.Spawn && !seen[e.Object]:
				seen[e.Object] = true
				spawned = append(spawned, e.Object)
			case e.Kind == trace.Join && e.Phase == trace.End && i < end:
				joined[e.Object] = true
			}
		}
		missing := 0
		for _, t := range spawned {
			if !joined[t] {
				missing++
			}
		}
		if missing == 0 {
			return ""
		}
		were := "were"
		if missing == 1 {
			were = "was"
		}
		return fmt.Sprintf("%d of the %s it spawned %s not joined before it returned: join every handle "+
			"(h.Join(), or a Scope), so that no thread can still be working when you return",
			missing, plural(len(spawned), "thread"), were)
	}
}

// NotOnCaller expects the thread that called the observed function not to
// have done the work named what itself (a span of that name, or its lock):
// a pool of n workers is n threads, not n and a caller that helps. Failing,
// it says "the calling thread ran parse itself; this exercise leaves that
// work to the threads it starts".
func NotOnCaller(what string) Expectation {
	return func(r *trace.Recording) string {
		if workers(r, what)[caller(r)] {
			return fmt.Sprintf("the calling thread ran %s itself; this exercise leaves that work to the threads it starts", what)
		}
		return ""
	}
}

// Locked expects the lock named what (mutex.Name, rwlock.Name) to have been
// taken exactly n times by threads other than the one that called the
// observed function: once per update, when an exercise teaches a short
// critical section. A lock held around a whole batch, or updates gathered
// elsewhere and added once, take it fewer times. Failing, it says "tally
// was locked 4 times by the threads; this exercise takes it once per update:
// 40".
func Locked(what string, n int) Expectation {
	return func(r *trace.Recording) string {
		me, got := caller(r), 0
		for _, e := range r.Events {
			if (e.Kind == trace.Lock || e.Kind == trace.RLock) && e.G != me && r.ObjectName(e.Object) == what {
				got++
			}
		}
		if got == n {
			return ""
		}
		return fmt.Sprintf("%s was locked %s by the threads; this exercise takes it once per update: %d",
			what, plural(got, "time"), n)
	}
}

// Spawned expects exactly n threads started with helpers/thread (Spawn,
// Go, a Scope's Go) to have run, each on a goroutine other than the one
// that called the observed function. Failing, it says "the work ran on 0
// threads of its own (thread.Spawn, thread.Go or a Scope); this exercise
// needs exactly 8".
func Spawned(n int) Expectation {
	return func(r *trace.Recording) string {
		threads := map[int64]bool{}
		for _, e := range r.Events {
			if e.Kind == trace.ThreadRun && e.Phase == trace.Begin {
				threads[e.G] = true
			}
		}
		delete(threads, caller(r))
		if len(threads) == n {
			return ""
		}
		return fmt.Sprintf("the work ran on %s of its own (thread.Spawn, thread.Go or a Scope); this exercise needs exactly %d", plural(len(threads), "thread"), n)
	}
}

// Overlapped expects at least n sleeps (async.Sleep or thread.Sleep: the
// waits of the exercise's fetches) to have been in progress at the same
// moment of the recording.
func Overlapped(n int) Expectation {
	return func(r *trace.Recording) string {
		got := peak(r, func(e trace.Event) bool { return e.Kind == trace.Sleep })
		if got >= n {
			return ""
		}
		if got <= 1 {
			return fmt.Sprintf("the waits ran one after another (%s at a time); this exercise needs %d waiting at once", plural(got, "wait"), n)
		}
		return fmt.Sprintf("at most %d waits were in progress at once; this exercise needs %d", got, n)
	}
}

// Sent expects at least n messages to have gone through helpers/mpsc
// channels: each sent and then received.
func Sent(n int) Expectation {
	return func(r *trace.Recording) string {
		type msg struct{ ch, id uint64 }
		sent := map[msg]bool{}
		got := 0
		for _, e := range r.Events {
			switch e.Kind {
			case trace.Send:
				sent[msg{e.Object, e.Msg}] = true
			case trace.Recv:
				if sent[msg{e.Object, e.Msg}] {
					got++
				}
			}
		}
		if got >= n {
			return ""
		}
		return fmt.Sprintf("%s went through a channel (sent and received); this exercise needs %d", plural(got, "message"), n)
	}
}

// SendersDropped expects every helpers/mpsc channel that carried a message
// to have lost its last sender before the observed function returned (the
// receiver saw the end: Recv fails, Iter stops), as Rust's mpsc needs.
func SendersDropped() Expectation {
	return func(r *trace.Recording) string {
		used := map[uint64]bool{}
		closed := map[uint64]bool{}
		for _, e := range r.Events {
			switch {
			case e.Kind == trace.Send:
				used[e.Object] = true
			case e.Kind == trace.Disconnect && e.Value == 0:
				closed[e.Object] = true
			}
		}
		for ch := range used {
			if !closed[ch] {
				return fmt.Sprintf("%s still had a sender when the work returned: drop every Sender (tx.Drop()) once it has sent its last message", r.ObjectName(ch))
			}
		}
		return ""
	}
}

// workers returns the goroutines that ran a span named what or took a lock
// named what.
func workers(r *trace.Recording, what string) map[int64]bool {
	gs := map[int64]bool{}
	for _, e := range r.Events {
		switch {
		case e.Kind == trace.UserSpan && e.Phase == trace.Begin,
			e.Kind == trace.Lock, e.Kind == trace.RLock:
			if r.ObjectName(e.Object) == what {
				gs[e.G] = true
			}
		}
	}
	return gs
}

// peak returns the most spans selected by is that were open at once, in the
// order the recording keeps (Begin and End of a span share a goroutine).
func peak(r *trace.Recording, is func(trace.Event) bool) int {
	open, most := 0, 0
	depth := map[int64]int{}
	for _, e := range r.Events {
		if !is(e) {
			continue
		}
		switch e.Phase {
		case trace.Begin:
			depth[e.G]++
			open++
			most = max(most, open)
		case trace.End:
			if depth[e.G] > 0 {
				depth[e.G]--
				open--
			}
		}
	}
	return most
}
