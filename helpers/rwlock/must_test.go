package rwlock_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/rwlock"
	"github.com/fearless-go/fearless/helpers/trace"
)

func TestMustReadMustWrite(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		l := rwlock.New(map[string]int{}, rwlock.Name("config"))
		w := l.MustWrite()
		(*w.Ptr())["retries"] = 3
		w.Unlock()
		r1, r2 := l.MustRead(), l.MustRead() // readers share the lock
		if r1.Get()["retries"] != 3 || r2.Get()["retries"] != 3 {
			t.Errorf("readers see %v", r1.Get())
		}
		r1.Unlock()
		r2.Unlock()
	})
}

// Rust: read().unwrap() and write().unwrap() on a poisoned lock panic with
// the PoisonError and drop its guard: the lock is free again, still poisoned.
func TestMustPoisonedPanicsAndReleases(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		l := rwlock.New(0)
		if r := panicIn(func() {
			g, _ := l.Write()
			defer g.Unlock()
			panic("writer failed")
		}); r != "writer failed" {
			t.Fatalf("recovered %v", r)
		}
		for name, must := range map[string]func(){
			"MustRead":  func() { l.MustRead() },
			"MustWrite": func() { l.MustWrite() },
		} {
			v, msg := testutil.Panics(t, must)
			if _, ok := v.(error); !ok || !strings.HasPrefix(msg, "rwlock: poisoned") {
				t.Errorf("%s panicked with %v, want the PoisonError", name, v)
			}
			plain := strings.TrimPrefix(name, "Must")
			if strings.Contains(msg, "still yours") || !strings.Contains(msg, name+" released the lock and panicked, so no guard exists: use "+plain) {
				t.Errorf("%s's message promises what it does not give: %q", name, msg)
			}
			intoInner := map[string]func(){
				"MustRead":  func() { v.(*rwlock.PoisonError[rwlock.ReadGuard[int]]).IntoInner() },
				"MustWrite": func() { v.(*rwlock.PoisonError[rwlock.WriteGuard[int]]).IntoInner() },
			}[name]
			if msg := testutil.MustPanic(t, intoInner); !strings.Contains(msg, "no guard: "+name+" released the lock") {
				t.Errorf("IntoInner on %s's error panicked with %q", name, msg)
			}
			g, err := l.TryWrite()
			if errors.Is(err, rwlock.ErrWouldBlock) {
				t.Fatalf("%s kept the lock after panicking", name)
			}
			g.Unlock()
		}
		if !l.IsPoisoned() {
			t.Error("the Must calls cleared the poison")
		}
	})
}

func TestNameInRecording(t *testing.T) {
	testutil.Record(t)
	l := rwlock.New(0, rwlock.Name("config"))
	l.MustRead().Unlock()
	if got := trace.Snapshot().ObjectName(l.TraceID()); got != "config" {
		t.Errorf("recording names the lock %q, want config", got)
	}
}

// A PoisonError names the lock it comes from when the lock has a name.
func TestPoisonErrorNamesTheLock(t *testing.T) {
	l := rwlock.New(0, rwlock.Name("config"))
	panicIn(func() {
		g := l.MustWrite()
		defer g.Unlock()
		panic("writer failed")
	})
	if msg := testutil.MustPanic(t, func() { l.MustRead() }); !strings.HasPrefix(msg, `rwlock "config": poisoned:`) {
		t.Errorf("MustRead on a poisoned named lock: %q", msg)
	}
}
