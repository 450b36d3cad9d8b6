package thread_test

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Joining a thread that waits for a lock the joiner holds would hang; with
// the checks on, Join panics with a *deadlock.Error naming both goroutines.
func TestJoinThatWouldDeadlockPanics(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	testutil.Record(t)
	m := mutex.New(0)
	trace.Label(m, "counter")
	g, _ := m.Lock()
	h := thread.Go(func() {
		g, _ := m.Lock()
		g.Unlock()
	}, thread.Name("locker"))
	// Once the thread records its wait, the checker knows it waits for us.
	waitForEvent(trace.LockWait, trace.Begin, m.TraceID())

	v, msg := testutil.Panics(t, func() { h.Join() })
	var de *deadlock.Error
	if err, _ := v.(error); !errors.As(err, &de) {
		t.Fatalf("Join panicked with %v (%T), want *deadlock.Error", v, v)
	}
	me := fmt.Sprintf("goroutine %d", thread.Current().ID)
	for _, want := range []string{me, `"locker"`, `thread "locker" to finish`, `mutex "counter"`, "deadlock_test.go"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %s:\n%s", want, msg)
		}
	}
	// The handle is still joinable once the cycle is broken.
	g.Unlock()
	if _, err := h.Join(); err != nil {
		t.Fatalf("Join after unlocking: %v", err)
	}
}

// A thread that dies holding a lock releases and poisons it, as unwinding
// does in Rust: the next Lock gets the guard and a *PoisonError.
func TestThreadDyingWithALockPoisonsIt(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New([2]int{})
	h := thread.Go(func() {
		g, _ := m.Lock() // never unlocked
		g.Ptr()[0] = 1
		panic("failed halfway")
	}, thread.Name("dying"))
	_, err := h.Join()
	var pe *thread.PanicError
	if !errors.As(err, &pe) || pe.Value != "failed halfway" {
		t.Fatalf("Join = %v", err)
	}
	g, err := m.Lock()
	var perr *mutex.PoisonError[[2]int]
	if !errors.As(err, &perr) {
		t.Fatalf("Lock after the thread died: %v, want *PoisonError", err)
	}
	if got := perr.IntoInner().Get(); got != [2]int{1, 0} {
		t.Fatalf("value = %v, want the half-updated [1 0]", got)
	}
	g.Unlock()
}

// A thread that returns still holding a lock releases it without poisoning
// it, as Rust drops a guard at the end of the closure.
func TestThreadReturningWithALockReleasesIt(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New(0)
	h := thread.Go(func() {
		g, _ := m.Lock() // never unlocked
		*g.Ptr() = 5
	})
	if _, err := h.Join(); err != nil {
		t.Fatal(err)
	}
	g, err := m.TryLock()
	if err != nil || m.IsPoisoned() {
		t.Fatalf("after the thread returned holding the lock: err = %v, poisoned = %v", err, m.IsPoisoned())
	}
	if g.Get() != 5 {
		t.Fatalf("value = %d", g.Get())
	}
	g.Unlock()
}

// No false alarms: threads taking locks in one order, joined while they
// run, with the checks on.
func TestChecksAllowOrdinaryJoins(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	a, b := mutex.New(0), mutex.New(0)
	var hs []*thread.JoinHandle[struct{}]
	for range 8 {
		hs = append(hs, thread.Go(func() {
			for range 100 {
				ga, _ := a.Lock()
				gb, _ := b.Lock()
				*gb.Ptr()++
				gb.Unlock()
				ga.Unlock()
			}
		}))
	}
	for _, h := range hs {
		if _, err := h.Join(); err != nil {
			t.Fatal(err)
		}
	}
	g, _ := b.Lock()
	defer g.Unlock()
	if g.Get() != 800 {
		t.Fatalf("count = %d", g.Get())
	}
}

// The end of a scope is a join too: the same check applies. Scope still
// never returns while its thread runs: it releases the lock its caller holds
// (poisoned, as unwinding would), waits for the thread, then panics with the
// report; the caller's own Unlock of that guard then does nothing.
func TestScopeEndThatWouldDeadlockPanics(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	testutil.Record(t)
	m := mutex.New(0)
	g, _ := m.Lock()
	var h *thread.JoinHandle[struct{}]
	v, msg := testutil.Panics(t, func() {
		thread.Scope(func(s *thread.Scoped) {
			h = s.Go(func() {
				g, _ := m.Lock()
				g.Unlock()
			}, thread.Name("scoped-locker"))
			waitForEvent(trace.LockWait, trace.Begin, m.TraceID())
		})
	})
	if _, ok := v.(*deadlock.Error); !ok || !strings.Contains(msg, `thread "scoped-locker" to finish`) {
		t.Fatalf("Scope panicked with %T:\n%s", v, msg)
	}
	if !h.IsFinished() {
		t.Fatal("Scope panicked while its thread still ran")
	}
	g.Unlock() // released on its behalf already: nothing to do, no panic
	if !m.IsPoisoned() {
		t.Fatal("the lock released for the unwinding caller is not poisoned")
	}
	if _, err := h.Join(); !errors.Is(err, thread.ErrJoined) {
		t.Fatalf("Join after the scope: %v", err)
	}
}

// Whichever side closes the cycle — the scope's end or the thread — Scope
// panics with the report only after the thread has ended, in every mode
// where the checks are on.
func TestScopeNeverReturnsBeforeItsThreads(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	for range 50 {
		m := mutex.New(0)
		var ended atomic.Bool
		var endedAtPanic bool
		var got any
		func() {
			defer func() { got = recover(); endedAtPanic = ended.Load() }()
			g, _ := m.Lock()
			defer g.Unlock()
			thread.Scope(func(s *thread.Scoped) {
				s.Go(func() {
					defer ended.Store(true)
					g, _ := m.Lock()
					defer g.Unlock()
				})
			})
		}()
		var derr *deadlock.Error
		if err, _ := got.(error); !errors.As(err, &derr) || !endedAtPanic {
			t.Fatalf("Scope panicked with %v; thread ended before: %v", got, endedAtPanic)
		}
	}
}

// A panic that passes through a guard's deferred Unlock, which poisons the
// mutex and panics on, is still reported at the line that panicked.
func TestPanicThroughAGuardPointsAtTheUsersLine(t *testing.T) {
	m := mutex.New(0)
	line := lineHere(5)
	h := thread.Go(func() {
		g, _ := m.Lock()
		defer g.Unlock()
		g.Set(1)
		panic("while holding the guard")
	}, thread.Name("holder"))
	_, err := h.Join()
	want := fmt.Sprintf("thread 'holder' panicked at deadlock_test.go:%d: while holding the guard", line)
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant  %s", err, want)
	}
	if !m.IsPoisoned() {
		t.Fatal("mutex not poisoned")
	}
}

// If the joiner blocks first, the thread is the one that would block second:
// it panics with the *deadlock.Error, and Join returns it as a *PanicError.
func TestThreadThatWouldDeadlockItsJoinerPanics(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	testutil.Record(t)
	m := mutex.New(0)
	g, _ := m.Lock()
	defer g.Unlock()
	ids := make(chan uint64, 1)
	h := thread.Go(func() {
		waitForEvent(trace.Join, trace.Begin, <-ids) // the joiner is blocked
		g, _ := m.Lock()
		g.Unlock()
	}, thread.Name("late-locker"))
	ids <- h.TraceID()
	_, err := h.Join()
	var de *deadlock.Error
	var pe *thread.PanicError
	if !errors.As(err, &pe) || !errors.As(err, &de) {
		t.Fatalf("Join = %v (%T), want a *PanicError wrapping a *deadlock.Error", err, err)
	}
	if pe.Thread != "late-locker" || !strings.Contains(err.Error(), `thread "late-locker" to finish`) {
		t.Fatalf("message:\n%s", err)
	}
	if m.IsPoisoned() {
		t.Fatal("the thread never held the lock, yet it is poisoned")
	}
}
