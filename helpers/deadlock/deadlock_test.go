package deadlock_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/trace"
)

// checks turns the checks on for one test, with a fresh order graph and
// violations collected in the returned buffer instead of stderr.
func checks(t *testing.T) *bytes.Buffer {
	t.Helper()
	was := deadlock.Enable(true)
	deadlock.Reset()
	var out bytes.Buffer
	deadlock.SetOutput(&out)
	t.Cleanup(func() {
		deadlock.Enable(was)
		deadlock.Reset()
		deadlock.SetOutput(nil)
	})
	return &out
}

func named(name string) *mutex.Mutex[int] {
	m := mutex.New(0)
	trace.Label(m, name)
	return m
}

// lockBoth takes first then second, reporting a panic instead of dying.
func lockBoth(first, second *mutex.Mutex[int], ready *sync.WaitGroup) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err, _ = r.(error)
		}
	}()
	g1, _ := first.Lock()
	defer g1.Unlock()
	ready.Done()
	ready.Wait() // both hold their first lock now
	g2, _ := second.Lock()
	defer g2.Unlock()
	return nil
}

func TestABBADeadlockBecomesAnError(t *testing.T) {
	checks(t)
	a, b := named("A"), named("B")
	var ready sync.WaitGroup
	ready.Add(2)
	errs := make(chan error, 2)
	go func() { errs <- lockBoth(a, b, &ready) }()
	go func() { errs <- lockBoth(b, a, &ready) }()
	var found []*deadlock.Error
	for range 2 {
		var derr *deadlock.Error
		if err := <-errs; errors.As(err, &derr) {
			found = append(found, derr)
		} else if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d goroutines got a deadlock error, want exactly 1", len(found))
	}
	msg := found[0].Error()
	for _, want := range []string{`mutex "A"`, `mutex "B"`, "deadlock_test.go:", "Rust would hang here too"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if len(found[0].Cycle) != 2 || found[0].Cycle[0].Goroutine == found[0].Cycle[1].Goroutine {
		t.Errorf("cycle = %+v, want two goroutines", found[0].Cycle)
	}
	// The goroutine that panicked held a lock with defer Unlock: it is poisoned.
	if !a.IsPoisoned() && !b.IsPoisoned() {
		t.Error("neither lock poisoned by the panicking holder")
	}
}

func TestRelockingOwnMutexIsReported(t *testing.T) {
	checks(t)
	m := named("config")
	g, _ := m.Lock()
	defer g.Unlock()
	defer func() {
		var derr *deadlock.Error
		if err, _ := recover().(error); !errors.As(err, &derr) || !strings.Contains(err.Error(), "already holds") {
			t.Fatalf("second Lock on the same goroutine: %v", err)
		}
	}()
	m.Lock()
}

func TestLockOrderInversionReportedWithoutHang(t *testing.T) {
	out := checks(t)
	a, b := named("A"), named("B")
	take := func(first, second *mutex.Mutex[int]) {
		g1, _ := first.Lock()
		g2, _ := second.Lock()
		g2.Unlock()
		g1.Unlock()
	}
	take(a, b) // A then B
	if n := len(deadlock.Violations()); n != 0 {
		t.Fatalf("one order alone gave %d violations", n)
	}
	take(b, a) // B then A: never hangs in one goroutine, but two could
	take(b, a) // reported once per pair
	vs := deadlock.Violations()
	if len(vs) != 1 {
		t.Fatalf("got %d violations, want 1", len(vs))
	}
	v := vs[0]
	if len(v.Earlier) != 1 || len(v.Now) != 1 || v.Earlier[0].Held != "A" || v.Now[0].Held != "B" {
		t.Fatalf("violation = %+v", v)
	}
	for _, s := range append(v.Earlier, v.Now...) {
		if !strings.HasSuffix(s.HeldAt.File, "deadlock_test.go") || !strings.HasSuffix(s.TakeAt.File, "deadlock_test.go") {
			t.Errorf("step %+v does not point at the test's lines", s)
		}
	}
	if !strings.Contains(out.String(), "lock order inversion between B and A") {
		t.Errorf("report written: %q", out.String())
	}
}

func TestThreeLockCycleIsAnInversion(t *testing.T) {
	checks(t)
	a, b, c := named("A"), named("B"), named("C")
	pair := func(x, y *mutex.Mutex[int]) {
		g1, _ := x.Lock()
		g2, _ := y.Lock()
		g2.Unlock()
		g1.Unlock()
	}
	pair(a, b)
	pair(b, c)
	pair(c, a)
	vs := deadlock.Violations()
	if len(vs) != 1 || len(vs[0].Earlier) != 2 {
		t.Fatalf("violations = %+v, want one closing A→B→C→A", vs)
	}
}

func TestTryLockAddsNoOrder(t *testing.T) {
	checks(t)
	a, b := named("A"), named("B")
	g1, _ := a.Lock()
	g2, err := b.TryLock()
	if err != nil {
		t.Fatal(err)
	}
	g2.Unlock()
	g1.Unlock()
	g2, _ = b.Lock()
	g1, _ = a.Lock()
	g1.Unlock()
	g2.Unlock()
	if vs := deadlock.Violations(); len(vs) != 0 {
		t.Fatalf("TryLock created an order edge: %v", vs[0])
	}
}

func TestOffMeansNothingIsTracked(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(false))
	deadlock.Reset()
	a, b := named("A"), named("B")
	for _, p := range [][2]*mutex.Mutex[int]{{a, b}, {b, a}} {
		g1, _ := p[0].Lock()
		g2, _ := p[1].Lock()
		g2.Unlock()
		g1.Unlock()
	}
	if vs := deadlock.Violations(); len(vs) != 0 {
		t.Fatalf("checks off, yet %d violations", len(vs))
	}
}

func TestGuardMovedToAnotherGoroutineIsRefused(t *testing.T) {
	checks(t)
	m := named("handoff")
	g, _ := m.Lock()
	msg := make(chan string)
	go func() { msg <- testutil.MustPanic(t, g.Unlock) }()
	if got := <-msg; !strings.Contains(got, `mutex "handoff" released on goroutine`) || !strings.Contains(got, "not Send") {
		t.Fatalf("unlock on another goroutine: %q", got)
	}
	g.Unlock() // the goroutine that took it may still release it
}

// MustLock is one call deeper than Lock: the report must still name the
// caller's lines, not "an unknown line".
func TestLockOrderInversionWithMustLockNamesCallers(t *testing.T) {
	checks(t)
	a, b := named("A"), named("B")
	take := func(first, second *mutex.Mutex[int]) {
		g1 := first.MustLock()
		g2 := second.MustLock()
		g2.Unlock()
		g1.Unlock()
	}
	take(a, b)
	take(b, a)
	vs := deadlock.Violations()
	if len(vs) != 1 {
		t.Fatalf("got %d violations, want 1", len(vs))
	}
	for _, s := range append(vs[0].Earlier, vs[0].Now...) {
		if !strings.HasSuffix(s.HeldAt.File, "deadlock_test.go") || !strings.HasSuffix(s.TakeAt.File, "deadlock_test.go") {
			t.Errorf("step %v does not point at the test's lines", s)
		}
	}
}
