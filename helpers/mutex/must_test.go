package mutex_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/trace"
)

// poisoned returns a mutex holding v that a panicking goroutine poisoned.
func poisoned[T any](v T) *mutex.Mutex[T] {
	m := mutex.New(v)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { recover() }()
		g, _ := m.Lock()
		defer g.Unlock()
		panic("boom")
	}()
	<-done
	return m
}

func TestMustLock(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		m := mutex.New(1)
		g := m.MustLock()
		*g.Ptr()++
		g.Unlock()
		if g := m.MustLock(); g.Get() != 2 {
			t.Errorf("value = %d, want 2", g.Get())
		} else {
			g.Unlock()
		}
	})
}

// Rust: lock().unwrap() on a poisoned mutex panics with the PoisonError, and
// the guard inside it is dropped: the lock is free again, still poisoned.
func TestMustLockPoisonedPanicsAndReleases(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		m := poisoned(5)
		v, msg := testutil.Panics(t, func() { m.MustLock() })
		var perr *mutex.PoisonError[int]
		if err, ok := v.(error); !ok || !errors.As(err, &perr) {
			t.Fatalf("panicked with %T %v, want a *PoisonError", v, v)
		}
		if !strings.Contains(msg, "poisoned") {
			t.Errorf("message %q does not say poisoned", msg)
		}
		// No guard exists after MustLock's panic: the message must not
		// promise one, and asking for it says why there is none.
		if strings.Contains(msg, "still yours") || !strings.Contains(msg, "no guard exists: use Lock") {
			t.Errorf("MustLock's message promises what it does not give: %q", msg)
		}
		if msg := testutil.MustPanic(t, func() { perr.IntoInner() }); !strings.Contains(msg, "no guard: MustLock released the lock") {
			t.Errorf("IntoInner on MustLock's error panicked with %q", msg)
		}
		// Lock's error does come with the guard, and says so.
		if g, err := m.Lock(); err == nil || !strings.Contains(err.Error(), "the guard is still yours: IntoInner") {
			t.Errorf("Lock's error: %v", err)
		} else {
			err.(*mutex.PoisonError[int]).IntoInner().Unlock()
			_ = g
		}
		g, err := m.TryLock()
		if errors.Is(err, mutex.ErrWouldBlock) {
			t.Fatal("MustLock kept the lock after panicking")
		}
		if !m.IsPoisoned() {
			t.Error("MustLock cleared the poison")
		}
		g.Unlock()
	})
}

func TestIntoInner(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		m := mutex.New([]int{1, 2})
		g := m.MustLock()
		*g.Ptr() = append(*g.Ptr(), 3)
		g.Unlock()
		v, err := m.IntoInner()
		if err != nil || len(v) != 3 {
			t.Fatalf("IntoInner = %v, %v; want [1 2 3], nil", v, err)
		}
		if m.IsPoisoned() {
			t.Error("IntoInner left the mutex reporting poisoned")
		}
		const want = "mutex: used after IntoInner"
		for name, use := range map[string]func(){
			"Lock":        func() { m.Lock() },
			"TryLock":     func() { m.TryLock() },
			"MustLock":    func() { m.MustLock() },
			"IntoInner":   func() { m.IntoInner() },
			"ClearPoison": func() { m.ClearPoison() },
		} {
			if msg := testutil.MustPanic(t, use); !strings.HasPrefix(msg, want) {
				t.Errorf("%s after IntoInner panicked with %q, want %q…", name, msg, want)
			}
		}
	})
}

func TestIntoInnerPoisoned(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		v, err := poisoned("half").IntoInner()
		var perr *mutex.PoisonError[string]
		if v != "half" || !errors.As(err, &perr) {
			t.Fatalf("IntoInner = %q, %v; want half and a *PoisonError", v, err)
		}
		if msg := err.Error(); strings.Contains(msg, "still yours") || !strings.Contains(msg, "IntoInner returned the value all the same") {
			t.Errorf("Mutex.IntoInner's error: %q", msg)
		}
		if msg := testutil.MustPanic(t, func() { perr.IntoInner() }); !strings.Contains(msg, "no guard: Mutex.IntoInner already returned the value") {
			t.Errorf("PoisonError.IntoInner after Mutex.IntoInner panicked with %q", msg)
		}
	})
}

func TestIntoInnerWaitsForTheHolder(t *testing.T) {
	m := mutex.New(0)
	g := m.MustLock()
	got := make(chan int)
	go func() {
		v, _ := m.IntoInner()
		got <- v
	}()
	*g.Ptr() = 42
	g.Unlock()
	if v := <-got; v != 42 {
		t.Fatalf("IntoInner = %d, want 42 (the value after the holder's Unlock)", v)
	}
}

func TestNameInRecordingAndReports(t *testing.T) {
	testutil.Record(t)
	m := mutex.New(0, mutex.Name("account"))
	g := m.MustLock()
	g.Unlock()
	if got := trace.Snapshot().ObjectName(m.TraceID()); got != "account" {
		t.Errorf("recording names the mutex %q, want account", got)
	}
	var unnamed mutex.Mutex[int]
	if got := trace.Snapshot().ObjectName(unnamed.TraceID()); !strings.HasPrefix(got, "mutex ") {
		t.Errorf("an unnamed mutex is called %q, want mutex N", got)
	}
}

func fearlessMustLock(n int) {
	m := mutex.New(0)
	for range n {
		g := m.MustLock()
		*g.Ptr()++
		g.Unlock()
	}
}

// BenchmarkMustLock compares MustLock, increment, Unlock with sync.Mutex,
// and with Lock, in the same run: MustLock should cost what Lock costs.
func BenchmarkMustLock(b *testing.B) {
	b.Run("baseline=sync.Mutex", func(b *testing.B) { benchcmp.Compare(b, rawLockUnlock, fearlessMustLock) })
	b.Run("baseline=Lock", func(b *testing.B) { benchcmp.Compare(b, fearlessLockUnlock, fearlessMustLock) })
}

// Names chosen with mutex.Name show in lock-order reports.
func TestNameInLockOrderReport(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	deadlock.SetOutput(nil)
	defer deadlock.SetOutput(os.Stdout)
	deadlock.Reset()
	defer deadlock.Reset()
	a, b := mutex.New(0, mutex.Name("alice")), mutex.New(0, mutex.Name("bob"))
	lockBoth := func(x, y *mutex.Mutex[int]) {
		gx := x.MustLock()
		gy := y.MustLock()
		gy.Unlock()
		gx.Unlock()
	}
	lockBoth(a, b)
	lockBoth(b, a)
	vs := deadlock.Violations()
	if len(vs) != 1 {
		t.Fatalf("%d violations, want 1", len(vs))
	}
	if msg := vs[0].Error(); !strings.Contains(msg, "took alice") || !strings.Contains(msg, "took bob") {
		t.Fatalf("report does not name the locks:\n%s", msg)
	}
}

// A deadlock report names a lock by its Name (`mutex "account"`), an
// unnamed one by its number (`mutex 3`).
func TestNameInDeadlockReport(t *testing.T) {
	defer deadlock.Enable(deadlock.Enable(true))
	for _, tc := range []struct {
		m    *mutex.Mutex[int]
		want string
	}{
		{mutex.New(0, mutex.Name("account")), `for mutex "account", which it already holds`},
		{mutex.New(0), `for mutex `},
	} {
		g := tc.m.MustLock()
		v, msg := testutil.Panics(t, func() { tc.m.MustLock() })
		g.Unlock()
		if _, ok := v.(*deadlock.Error); !ok || !strings.Contains(msg, tc.want) || strings.Contains(msg, `"mutex `) {
			t.Errorf("relocking panicked with %T:\n%s\nwant a *deadlock.Error saying %q", v, msg, tc.want)
		}
	}
}

// A PoisonError names the mutex it comes from when the mutex has a name.
func TestPoisonErrorNamesTheMutex(t *testing.T) {
	m := mutex.New(0, mutex.Name("ledger"))
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { recover() }()
		g := m.MustLock()
		defer g.Unlock()
		panic("boom")
	}()
	<-done
	if msg := testutil.MustPanic(t, func() { m.MustLock() }); !strings.HasPrefix(msg, `mutex "ledger": poisoned:`) {
		t.Errorf("MustLock on a poisoned named mutex: %q", msg)
	}
	if _, err := poisoned(1).Lock(); err == nil || !strings.HasPrefix(err.Error(), "mutex: poisoned:") {
		t.Errorf("unnamed: %v", err)
	}
}
