package mutex_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/mutex"
)

// A misuse panic names the line that misused the guard, not a line inside
// this package, in every mode.
func TestMisuseNamesTheCallersLine(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		m := mutex.New(0)
		g, _ := m.Lock()
		g.Unlock()
		_, _, line, _ := runtime.Caller(0)
		get := testutil.At(t, func() { g.Get() })
		twice := testutil.At(t, func() { g.Unlock() })
		zero := testutil.At(t, func() { mutex.Guard[int]{}.Ptr() })
		for i, at := range []string{get, twice, zero} {
			if want := fmt.Sprintf("where_test.go:%d", line+1+i); at != want {
				t.Errorf("misuse %d names %q, want %q", i, at, want)
			}
		}
	})
}

// Checking a stale guard while another goroutine relocks the mutex is not
// a data race: under -race the learner sees the helper's panic, not a DATA
// RACE report about the check.
func TestStaleGuardCheckIsNotARace(t *testing.T) {
	m := mutex.New(0)
	stale, _ := m.Lock()
	stale.Unlock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 2000 {
			g, _ := m.Lock()
			*g.Ptr()++
			g.Unlock()
		}
	}()
	for range 500 {
		testutil.MustPanic(t, func() { stale.Get() })
		testutil.MustPanic(t, func() { stale.Unlock() })
	}
	<-done
}
