package check_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// SafeAdd is a learner's answer: n threads each add one to a counter
// behind a mutex.
func SafeAdd(n int) int {
	total := mutex.New(0)
	var hs []*thread.JoinHandle[struct{}]
	for range n {
		hs = append(hs, thread.Go(func() {
			g := total.MustLock()
			g.Set(g.Get() + 1)
			g.Unlock()
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	return total.MustLock().Get()
}

// Explore runs the learner's code under every schedule with at most two
// preemptions: a racy answer fails on every run, not once in a while.
func ExampleChecks_Explore() {
	ex := check.Exercise("safe-add") // in a check cell: defer ex.Done()
	ex.Explore("two threads add 2, in every schedule", explore.Exhaustive(2), func() {
		if got := SafeAdd(2); got != 2 {
			explore.Failf("SafeAdd(2) = %d, want 2", got)
		}
	})
	for _, c := range ex.Result().Checks {
		fmt.Println(c.Name+":", c.Status)
	}
	// Output:
	// two threads add 2, in every schedule: passed
}
