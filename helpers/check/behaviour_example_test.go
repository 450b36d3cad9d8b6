package check_test

import (
	"fmt"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// SumAll is a learner's answer to "add up the parts, each on its own
// thread, all at once" — written without threads.
func SumAll(parts [][]int, add func(part []int) int) int {
	total := 0
	for _, p := range parts {
		total += add(p)
	}
	return total
}

// Checking how the answer was made: the right total is not enough. A gate in
// the callback holds each call until three are in progress at once (a
// sequential answer is held once, for check.GateWait), and Observe reads
// from the recording how many threads did the work.
func ExampleChecks_Observe() {
	ex := check.Exercise("sum-all")
	parts := [][]int{{1, 2}, {3}, {4, 5}}
	ex.Equal("the total", 15, func() any {
		return SumAll(parts, sum)
	})
	gate := check.NewGate("add", 3)
	ex.Observe("each part on its own thread, all at once", func() {
		SumAll(parts, func(p []int) int {
			defer gate.Enter().End()
			return sum(p)
		})
	}, check.Expect(check.AtOnce("add", 3), check.Threads("add", 3)))
	fmt.Print(check.Text(ex.Result()))
	// Output:
	// ✗ sum-all: 1/2 points, 1 of 2 checks failed
	//   ✓ the total  [1/1]
	//   ✗ each part on its own thread, all at once  [0/1]
	//       add ran on 1 thread at a time; this exercise needs 3 working at once
}

func sum(p []int) int {
	s := 0
	for _, v := range p {
		s += v
	}
	return s
}

// Four workers must each take the lock named "tally": Threads counts the
// distinct threads that took it.
func ExampleThreads() {
	ex := check.Exercise("tally")
	ex.Observe("four threads count", func() {
		tally := mutex.New(0, mutex.Name("tally"))
		thread.Scope(func(s *thread.Scoped) {
			for range 4 {
				s.Go(func() {
					g := tally.MustLock()
					*g.Ptr()++
					g.Unlock()
				})
			}
		})
	}, check.Expect(check.Threads("tally", 4), check.Spawned(4)))
	fmt.Print(check.Text(ex.Result()))
	// Output:
	// ✓ tally: 1/1 points, all 1 check passed
	//   ✓ four threads count  [1/1]
}

// A thread left to finish on its own fails Joined, even when it finished in
// time; a lock held around a whole batch fails Locked, which counts the
// acquisitions.
func ExampleJoined() {
	ex := check.Exercise("batch")
	count := func() {
		tally := mutex.New(0, mutex.Name("tally"))
		for range 2 {
			thread.Go(func() {
				g := tally.MustLock() // one acquisition for all 5 votes
				*g.Ptr() += 5
				g.Unlock()
			})
		}
		thread.Sleep(50 * time.Millisecond) // "long enough"
	}
	ex.Observe("every thread joined", count, check.Expect(check.Joined()))
	ex.Observe("the lock taken once per vote", count, check.Expect(check.Locked("tally", 10)))
	fmt.Print(check.Text(ex.Result()))
	// Output:
	// ✗ batch: 0/2 points, 2 of 2 checks failed
	//   ✗ every thread joined  [0/1]
	//       2 of the 2 threads it spawned were not joined before it returned: join every handle (h.Join(), or a Scope), so that no thread can still be working when you return
	//   ✗ the lock taken once per vote  [0/1]
	//       tally was locked 2 times by the threads; this exercise takes it once per update: 10
}

// RaceFree runs the answer under the race detector with the recorder off:
// a plain map shared by two threads fails it on every run, whatever the
// timing. (Built without -race, the check says that it needs -race.)
func ExampleChecks_RaceFree() {
	ex := check.Exercise("word-count")
	ex.RaceFree("the totals are touched only under their lock", 10, func() error {
		totals := mutex.New(map[string]int{})
		thread.Scope(func(s *thread.Scoped) {
			for _, w := range []string{"go", "rust"} {
				s.Go(func() {
					g := totals.MustLock()
					defer g.Unlock()
					g.Get()[w]++
				})
			}
		})
		return nil
	})
	fmt.Println(ex.Result().Passed() == check.RaceEnabled)
	// Output: true
}
