package check

import (
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/mpsc"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// spread runs work n times: on n threads at once, or one after another on
// the calling goroutine.
func spread(n int, parallel bool, work func()) {
	if !parallel {
		for range n {
			work()
		}
		return
	}
	var hs []*thread.JoinHandle[struct{}]
	for range n {
		hs = append(hs, thread.Go(work))
	}
	for _, h := range hs {
		h.Join()
	}
}

func TestObserveThreadsAndAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name     string
		parallel bool
		msg      string
	}{
		{"three threads", true, ""},
		{"the calling thread", false, "work ran on 1 thread at a time; this exercise needs 3 working at once"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _, _ := fake()
			gate := NewGate("work", 3)
			c.Observe("three at once", func() {
				spread(3, tc.parallel, func() { defer gate.Enter().End() })
			}, Expect(AtOnce("work", 3), Threads("work", 3)))
			got := only(t, c)
			if got.Passed != (tc.msg == "") || got.Message != tc.msg {
				t.Fatalf("got %+v, want message %q", got, tc.msg)
			}
		})
	}
}

func TestThreadsCountsLockers(t *testing.T) {
	for _, tc := range []struct {
		parallel bool
		msg      string
	}{
		{true, ""},
		{false, "tally was used on 0 threads besides the caller; this exercise needs exactly 4"},
	} {
		c, _, _, _ := fake()
		c.Observe("four threads count", func() {
			tally := mutex.New(0, mutex.Name("tally"))
			spread(4, tc.parallel, func() {
				g := tally.MustLock()
				*g.Ptr() += 1
				g.Unlock()
			})
		}, Expect(Threads("tally", 4)))
		if got := only(t, c); got.Message != tc.msg {
			t.Fatalf("parallel %v: got %q, want %q", tc.parallel, got.Message, tc.msg)
		}
	}
}

func TestSpawned(t *testing.T) {
	for _, tc := range []struct {
		parallel bool
		msg      string
	}{
		{true, ""},
		{false, "the work ran on 0 threads of its own (thread.Spawn, thread.Go or a Scope); this exercise needs exactly 2"},
	} {
		c, _, _, _ := fake()
		c.Observe("two threads", func() { spread(2, tc.parallel, func() {}) }, Expect(Spawned(2)))
		if got := only(t, c); got.Message != tc.msg {
			t.Fatalf("parallel %v: got %q, want %q", tc.parallel, got.Message, tc.msg)
		}
	}
}

func TestOverlapped(t *testing.T) {
	for _, tc := range []struct {
		sleep func(time.Duration)
		msg   string
	}{
		{async.Sleep, ""},
		{thread.Sleep, "the waits ran one after another (1 wait at a time); this exercise needs 3 waiting at once"},
	} {
		c, _, _, _ := fake()
		c.Observe("three waits overlap on one worker", func() {
			var fs []*async.Future[int]
			for i := range 3 {
				fs = append(fs, async.New(func() int { tc.sleep(20 * time.Millisecond); return i }))
			}
			async.BlockOn(async.New(func() []int { return async.Join(fs...) }), async.Workers(1))
		}, Expect(Overlapped(3)))
		if got := only(t, c); got.Message != tc.msg {
			t.Fatalf("got %q, want %q", got.Message, tc.msg)
		}
	}
}

func TestSentAndSendersDropped(t *testing.T) {
	for _, tc := range []struct {
		name       string
		send, drop bool
		msg        string
	}{
		{"through a channel", true, true, ""},
		{"no channel", false, true, "0 messages went through a channel (sent and received); this exercise needs 3"},
		{"sender kept", true, false, "still had a sender when the work returned"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _, _ := fake()
			c.Observe("messages", func() {
				if !tc.send {
					return
				}
				tx, rx := mpsc.Channel[int]()
				h := thread.Go(func() {
					for i := range 3 {
						tx.Send(i)
					}
					if tc.drop {
						tx.Drop()
					}
				})
				for range 3 {
					rx.Recv()
				}
				h.Join()
			}, Expect(Sent(3), SendersDropped()))
			got := only(t, c)
			if tc.msg == "" && !got.Passed || tc.msg != "" && !strings.Contains(got.Message, tc.msg) {
				t.Fatalf("got %+v, want %q", got, tc.msg)
			}
		})
	}
}

// TestObserveKeepsRecording: a recording that was on is on again after
// Observe, and a panic in f fails the check calmly.
func TestObserveFailsOnPanic(t *testing.T) {
	c, _, _, _ := fake()
	c.Observe("panics", func() { panic("boom") }, Expect(Spawned(0)))
	if got := only(t, c); got.Status != StatusPanicked {
		t.Fatalf("got %+v", got)
	}
}

func TestGateGivesUpOnce(t *testing.T) {
	g := NewGate("alone", 2)
	start := time.Now()
	g.Enter().End() // nobody else comes: held for GateWait
	g.Enter().End() // the gate is open for good now
	if took := time.Since(start); took < GateWait {
		t.Fatalf("the first call was not held (%v)", took)
	}
}

func TestFailFast(t *testing.T) {
	defer func(was bool) { failFast = was }(failFast)
	failFast = true
	c, _, _, _ := fake()
	c.Equal("fails", 1, func() any { return 2 })
	ran := false
	c.True("skipped", func() (bool, string) { ran = true; return true, "" })
	if r := c.Result(); ran || len(r.Checks) != 2 || r.Checks[1].Message != "skipped: an earlier check failed" {
		t.Fatalf("ran %v, checks %+v", ran, r.Checks)
	}
}

func TestJoined(t *testing.T) {
	var late *thread.JoinHandle[struct{}] // joined only after the observed call returned
	for _, tc := range []struct {
		name string
		run  func()
		msg  string
	}{
		{"every handle joined", func() { spread(3, true, func() {}) }, ""},
		{"a scope", func() {
			thread.Scope(func(s *thread.Scoped) {
				for range 2 {
					s.Go(func() {})
				}
			})
		}, ""},
		{"a sleep long enough", func() {
			for range 3 {
				thread.Go(func() {})
			}
			time.Sleep(50 * time.Millisecond)
		}, "3 of the 3 threads it spawned were not joined before it returned"},
		{"one joined after returning", func() {
			thread.Go(func() {}).Join()
			thread.Go(func() {}).Join()
			late = thread.Go(func() {})
		}, "1 of the 3 threads it spawned was not joined before it returned"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _, _ := fake()
			c.Observe("joined", tc.run, Expect(Joined()))
			if late != nil {
				late.Join()
				late = nil
			}
			got := only(t, c)
			if got.Passed != (tc.msg == "") || !strings.HasPrefix(got.Message, tc.msg) {
				t.Fatalf("got %+v, want a message starting %q", got, tc.msg)
			}
		})
	}
}

func TestLocked(t *testing.T) {
	count := func(perUpdate, onCaller bool) func() {
		return func() {
			tally := mutex.New(0, mutex.Name("tally"))
			add := func(n int) {
				if perUpdate {
					for range n {
						g := tally.MustLock()
						*g.Ptr() += 1
						g.Unlock()
					}
					return
				}
				g := tally.MustLock()
				*g.Ptr() += n
				g.Unlock()
			}
			spread(4, true, func() { add(10) })
			if onCaller {
				add(2)
			}
		}
	}
	for _, tc := range []struct {
		name                string
		perUpdate, onCaller bool
		msg                 string
	}{
		{"once per update", true, false, ""},
		{"the caller's updates are not the threads'", true, true, ""},
		{"a whole batch under one lock", false, false, "tally was locked 4 times by the threads; this exercise takes it once per update: 40"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _, _ := fake()
			c.Observe("locked", count(tc.perUpdate, tc.onCaller), Expect(Locked("tally", 40)))
			if got := only(t, c); got.Passed != (tc.msg == "") || got.Message != tc.msg {
				t.Fatalf("got %+v, want %q", got, tc.msg)
			}
		})
	}
}

func TestNotOnCaller(t *testing.T) {
	for _, tc := range []struct {
		name  string
		helps bool
		msg   string
	}{
		{"the threads do it", false, ""},
		{"the caller helps", true, "the calling thread ran parse itself; this exercise leaves that work to the threads it starts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, _, _ := fake()
			c.Observe("pool", func() {
				spread(2, true, func() { defer trace.Span("parse").End() })
				if tc.helps {
					trace.Span("parse").End()
				}
			}, Expect(NotOnCaller("parse"), Threads("parse", 2)))
			if got := only(t, c); got.Passed != (tc.msg == "") || got.Message != tc.msg {
				t.Fatalf("got %+v, want %q", got, tc.msg)
			}
		})
	}
}

func TestHaltOnRaceSkipsAfterATimeout(t *testing.T) {
	defer func(was bool) { haltOnRace = was }(haltOnRace)
	for _, halts := range []bool{false, true} {
		haltOnRace = halts
		c, _, _, _ := fake()
		stuck := make(chan struct{})
		c.Within("hangs", 10*time.Millisecond, func() { <-stuck })
		ran := false
		c.True("after it", func() (bool, string) { ran = true; return true, "" })
		close(stuck)
		r := c.Result()
		if len(r.Checks) != 2 || r.Checks[0].Status != StatusTimedOut {
			t.Fatalf("halts %v: checks %+v", halts, r.Checks)
		}
		if skipped := strings.HasPrefix(r.Checks[1].Message, "skipped: an earlier check did not return"); ran == halts || skipped != halts {
			t.Errorf("halts %v: the next check ran %v, says %q", halts, ran, r.Checks[1].Message)
		}
	}
}

func TestGoraceHalts(t *testing.T) {
	for gorace, want := range map[string]bool{
		"": false, "halt_on_error=1": true, "log_path=x halt_on_error=1": true, "halt_on_error=0": false,
		"halt_on_error=1 halt_on_error=0": false, "halt_on_error=0 halt_on_error=1": true, "history_size=3": false,
	} {
		if got := goraceHalts(gorace); got != want {
			t.Errorf("goraceHalts(%q) = %v, want %v", gorace, got, want)
		}
	}
}
