package mutex_test

import (
	"errors"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mutex"
)

// panicHolding panics while holding m's guard, released the way the learner
// wrote it, and recovers above.
func panicHolding(m *mutex.Mutex[int], closure bool) {
	defer func() { recover() }()
	g, _ := m.Lock()
	if closure {
		defer func() { g.Unlock() }()
	} else {
		defer g.Unlock()
	}
	g.Set(1)
	panic("boom")
}

// Rust poisons whenever a guard is dropped while its thread unwinds. Here
// defer g.Unlock() poisons in every mode; defer func() { g.Unlock() }()
// poisons whenever the checks or the recorder are on (a notebook cell), and
// only then: with both off, Go gives Unlock no way to see the panic.
func TestPoisonHowEverUnlockWasDeferred(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		for _, closure := range []bool{false, true} {
			m := mutex.New(0)
			panicHolding(m, closure)
			want := !closure || hook.Active()
			if m.IsPoisoned() != want {
				t.Errorf("closure=%v: poisoned %v, want %v", closure, m.IsPoisoned(), want)
			}
			g, err := m.Lock() // the lock was released either way
			var perr *mutex.PoisonError[int]
			if errors.As(err, &perr) != want || g.Get() != 1 {
				t.Errorf("closure=%v: Lock after the panic: %v, value %d", closure, err, g.Get())
			}
			g.Unlock()
		}
	})
}

// A lock both taken and released while the goroutine unwinds (a deferred
// clean-up) does not poison, as in Rust: the guard saw the panic from the
// start. Unlocking normally before the panic does not poison either.
func TestNoPoisonWithoutAPanicWhileHeld(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		m := mutex.New(0)
		func() {
			defer func() { recover() }()
			defer func() {
				g, _ := m.Lock()
				defer func() { g.Unlock() }()
				g.Set(2)
			}()
			g, _ := m.Lock()
			g.Unlock()
			panic("boom")
		}()
		if m.IsPoisoned() {
			t.Fatal("poisoned by a guard taken during the unwinding")
		}
	})
}
