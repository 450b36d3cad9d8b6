package mutex_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func TestGuardGivesAccessToValue(t *testing.T) {
	m := mutex.New([]string{"a"})
	g, err := m.Lock()
	if err != nil {
		t.Fatal(err)
	}
	g.Set(append(g.Get(), "b"))
	*g.Ptr() = append(*g.Ptr(), "c")
	g.Unlock()
	g, _ = m.Lock()
	defer g.Unlock()
	if got := strings.Join(g.Get(), ""); got != "abc" {
		t.Fatalf("value = %q, want abc", got)
	}
}

func TestZeroMutexIsUsable(t *testing.T) {
	var m mutex.Mutex[int]
	g, err := m.Lock()
	if err != nil {
		t.Fatal(err)
	}
	*g.Ptr()++
	g.Unlock()
	if m.TraceID() == 0 || primitive.KindOf(m.TraceID()) != trace.MutexObject {
		t.Fatalf("zero mutex has id %d", m.TraceID())
	}
}

// Property: under contention the count is exact.
func TestCounterUnderContentionIsExact(t *testing.T) {
	const goroutines, increments = 8, 1000
	m := mutex.New(0)
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range increments {
				g, _ := m.Lock()
				*g.Ptr()++
				g.Unlock()
			}
		}()
	}
	wg.Wait()
	g, _ := m.Lock()
	defer g.Unlock()
	if got := g.Get(); got != goroutines*increments {
		t.Fatalf("count = %d, want %d", got, goroutines*increments)
	}
}

func TestGuardMisuseIsCaught(t *testing.T) {
	m := mutex.New(1)
	g, _ := m.Lock()
	stale := g // a copy is the same guard
	g.Unlock()
	for name, use := range map[string]func(){
		"Get":  func() { stale.Get() },
		"Set":  func() { stale.Set(2) },
		"Ptr":  func() { stale.Ptr() },
		"copy": func() { g.Get() },
	} {
		if msg := testutil.MustPanic(t, use); !strings.Contains(msg, "guard used after Unlock") || !strings.Contains(msg, "Rust") {
			t.Errorf("%s after Unlock: panic %q", name, msg)
		}
	}
	if msg := testutil.MustPanic(t, g.Unlock); !strings.Contains(msg, "Unlock called twice") {
		t.Errorf("second Unlock: panic %q", msg)
	}
	// A stale guard stays stale after someone else locks again.
	g2, _ := m.Lock()
	defer g2.Unlock()
	if msg := testutil.MustPanic(t, func() { stale.Set(3) }); !strings.Contains(msg, "after Unlock") {
		t.Errorf("stale guard while relocked: panic %q", msg)
	}
	var zero mutex.Guard[int]
	if msg := testutil.MustPanic(t, func() { zero.Get() }); !strings.Contains(msg, "zero Guard") {
		t.Errorf("zero guard: panic %q", msg)
	}
}

func TestTryLock(t *testing.T) {
	m := mutex.New("x")
	g, err := m.TryLock()
	if err != nil {
		t.Fatalf("TryLock on a free mutex: %v", err)
	}
	if _, err := m.TryLock(); !errors.Is(err, mutex.ErrWouldBlock) {
		t.Fatalf("TryLock on a held mutex: %v, want ErrWouldBlock", err)
	}
	g.Unlock()
	g, err = m.TryLock()
	if err != nil {
		t.Fatal(err)
	}
	g.Unlock()
}

// panicWhileHolding locks m in a new goroutine, half-updates the value, and
// panics with defer g.Unlock() in place, as a buggy worker would.
func panicWhileHolding(m *mutex.Mutex[[2]int]) (recovered any) {
	done := make(chan any)
	go func() {
		defer func() { done <- recover() }()
		g, _ := m.Lock()
		defer g.Unlock()
		g.Ptr()[0] = 1
		panic("worker failed halfway")
	}()
	return <-done
}

func TestPanicWhileHoldingPoisons(t *testing.T) {
	m := mutex.New([2]int{})
	if r := panicWhileHolding(m); r != "worker failed halfway" {
		t.Fatalf("the panic did not go on after Unlock: recovered %v", r)
	}
	if !m.IsPoisoned() {
		t.Fatal("mutex not poisoned")
	}
	g, err := m.Lock()
	var perr *mutex.PoisonError[[2]int]
	if !errors.As(err, &perr) {
		t.Fatalf("Lock after a panic: err = %v, want *PoisonError", err)
	}
	if !strings.Contains(err.Error(), "poisoned") {
		t.Errorf("message %q", err)
	}
	inner := perr.IntoInner()
	if got := inner.Get(); got != [2]int{1, 0} {
		t.Fatalf("value through the poisoned guard = %v, want the half-updated [1 0]", got)
	}
	inner.Set([2]int{0, 0}) // repair
	g.Unlock()
	// TryLock reports poisoning too, and ClearPoison ends it.
	if g, err := m.TryLock(); !errors.As(err, &perr) {
		t.Fatalf("TryLock on a poisoned mutex: %v", err)
	} else {
		g.Unlock()
	}
	m.ClearPoison()
	g, err = m.Lock()
	if err != nil {
		t.Fatalf("Lock after ClearPoison: %v", err)
	}
	g.Unlock()
}

func TestPlainUnlockDoesNotPoison(t *testing.T) {
	m := mutex.New(0)
	// Unlock called directly (not deferred) inside a deferred function during a
	// panic must not swallow or notice the panic.
	done := make(chan any)
	go func() {
		defer func() { done <- recover() }()
		defer func() {
			g, _ := m.Lock()
			g.Unlock()
		}()
		panic("elsewhere")
	}()
	if r := <-done; r != "elsewhere" {
		t.Fatalf("panic changed to %v", r)
	}
	if m.IsPoisoned() {
		t.Fatal("a lock taken and released during another panic was poisoned")
	}
}

// With the checks on, a goroutine that dies holding the lock without
// unlocking it releases and poisons it, as unwinding does in Rust.
func TestDyingHolderReleasesAndPoisonsWithChecks(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	m := mutex.New(0)
	const thread = 42
	done := make(chan struct{})
	go func() {
		defer close(done)
		engine.ThreadStarted(thread)
		g, _ := m.Lock()
		*g.Ptr() = 7
		if n := engine.ThreadExited(thread, true); n != 1 {
			t.Errorf("ThreadExited released %d locks, want 1", n)
		}
	}()
	<-done
	g, err := m.Lock()
	if err == nil || !m.IsPoisoned() {
		t.Fatalf("after the holder died: err = %v, poisoned = %v", err, m.IsPoisoned())
	}
	if g.Get() != 7 {
		t.Fatalf("value = %d", g.Get())
	}
	g.Unlock()
}

func TestRecorderSeesWaitsAndHolds(t *testing.T) {
	trace.Start()
	defer trace.Stop()
	m := mutex.New(0)
	trace.Label(m, "counter")
	g, _ := m.Lock()
	waiting := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		close(waiting)
		g, _ := m.Lock() // blocks until the test unlocks
		g.Unlock()
	}()
	<-waiting
	// The goroutine is about to block or blocked; either way it cannot get the
	// lock until Unlock, so its LockWait or Lock comes after ours.
	testutil.AwaitEvents(m.TraceID(), trace.LockWait, trace.Begin, 1)
	g.Unlock()
	<-done
	rec := trace.Stop()
	var seq []string
	for _, e := range rec.Events {
		if e.Object == m.TraceID() {
			seq = append(seq, e.Kind.String()+e.Phase.String())
		}
	}
	want := "locki lock-waitB unlocki lock-waitE locki unlocki"
	if got := strings.Join(seq, " "); got != want {
		t.Fatalf("events = %s\nwant      %s", got, want)
	}
	if rec.ObjectName(m.TraceID()) != "counter" {
		t.Fatalf("label = %q", rec.ObjectName(m.TraceID()))
	}
	for _, e := range rec.Events {
		if e.Object == m.TraceID() && (e.Site == nil || !strings.HasSuffix(e.Site.File, "mutex_test.go")) {
			t.Fatalf("%s event has site %+v, want a line in mutex_test.go", e.Kind, e.Site)
		}
	}
}
