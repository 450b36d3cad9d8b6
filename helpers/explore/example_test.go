package explore_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// Two threads take two locks in opposite orders. Most runs finish; the
// exhaustive search finds the schedule that deadlocks, and Replay runs that
// schedule again.
func Example() {
	abba := func() {
		a, b := mutex.New(0, mutex.Name("A")), mutex.New(0, mutex.Name("B"))
		t1 := thread.Go(func() {
			ga := a.MustLock()
			gb := b.MustLock()
			gb.Unlock()
			ga.Unlock()
		}, thread.Name("t1"))
		t2 := thread.Go(func() {
			gb := b.MustLock()
			ga := a.MustLock()
			ga.Unlock()
			gb.Unlock()
		}, thread.Name("t2"))
		t1.Join()
		t2.Join()
	}
	res := explore.Exhaustive(2).Run(abba)
	fmt.Println(res.Failure.Kind, "after", res.Schedules, "schedules:", res.Failure.Schedule)
	fmt.Println(res.Failure.Message)
	again := explore.Replay(res.Failure.Schedule, abba)
	fmt.Println("replayed:", again.Failure.Kind)
	// Output:
	// deadlock after 2 schedules: x1:b2c2
	// every thread is blocked
	//   main waits to join t1
	//   t1 waits for the lock of B, held by t2
	//   t2 waits for the lock of A, held by t1
	// replayed: deadlock
}

// A counter incremented as a read and a write: Yield marks each access to
// the plain variable, and random schedules find the lost update.
func Example_lostUpdate() {
	counter := func() {
		n := 0
		add := func() {
			explore.Yield()
			v := n
			explore.Yield()
			n = v + 1
		}
		a, b := thread.Go(add), thread.Go(add)
		a.Join()
		b.Join()
		if n != 2 {
			explore.Failf("lost update: n = %d", n)
		}
	}
	res := explore.Random(1).Run(counter)
	fmt.Println(res.Failure)
	fmt.Println(explore.Replay(res.Failure.Schedule, counter).Failure)
	// Output:
	// check failed: lost update: n = 1
	// check failed: lost update: n = 1
}

// Runs counts the outcomes of plain runs; in a notebook cell it also draws
// their histogram.
func ExampleRuns() {
	out := explore.Runs(100, func() int {
		total := mutex.New(0)
		hs := []*thread.JoinHandle[struct{}]{}
		for range 2 {
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
	})
	fmt.Println(out)
	// Output:
	// 100 runs: 2 ×100
}
