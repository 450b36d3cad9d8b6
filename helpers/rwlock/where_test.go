package rwlock_test

import (
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/rwlock"
)

// A misuse panic names the line that misused the guard, in every mode.
func TestMisuseNamesTheCallersLine(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		l := rwlock.New(0)
		w, _ := l.Write()
		w.Unlock()
		r, _ := l.Read()
		r.Unlock()
		_, _, line, _ := runtime.Caller(0)
		ats := []string{
			testutil.At(t, func() { w.Get() }),
			testutil.At(t, func() { w.Unlock() }),
			testutil.At(t, func() { r.Get() }),
			testutil.At(t, func() { r.Unlock() }),
		}
		for i, at := range ats {
			if want := fmt.Sprintf("where_test.go:%d", line+2+i); at != want {
				t.Errorf("misuse %d names %q, want %q", i, at, want)
			}
		}
	})
}

func panicWriting(l *rwlock.RwLock[int], closure bool) {
	defer func() { recover() }()
	g, _ := l.Write()
	if closure {
		defer func() { g.Unlock() }()
	} else {
		defer g.Unlock()
	}
	g.Set(1)
	panic("boom")
}

// As for mutex: defer g.Unlock() poisons in every mode, the closure form
// whenever the checks or the recorder are on.
func TestPoisonHowEverUnlockWasDeferred(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		for _, closure := range []bool{false, true} {
			l := rwlock.New(0)
			panicWriting(l, closure)
			want := !closure || hook.Active()
			if l.IsPoisoned() != want {
				t.Errorf("closure=%v: poisoned %v, want %v", closure, l.IsPoisoned(), want)
			}
			g, err := l.Write()
			var perr *rwlock.PoisonError[rwlock.WriteGuard[int]]
			if errors.As(err, &perr) != want || g.Get() != 1 {
				t.Errorf("closure=%v: Write after the panic: %v", closure, err)
			}
			g.Unlock()
		}
	})
}

// Checking a stale write guard while another goroutine writes is not a data
// race under -race.
func TestStaleWriteGuardCheckIsNotARace(t *testing.T) {
	l := rwlock.New(0)
	stale, _ := l.Write()
	stale.Unlock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 2000 {
			g, _ := l.Write()
			*g.Ptr()++
			g.Unlock()
		}
	}()
	for range 500 {
		testutil.MustPanic(t, func() { stale.Get() })
	}
	<-done
}
