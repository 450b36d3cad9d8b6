package sched_test

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/fearless-go/fearless/charts/internal/sched"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Record the runtime trace of two goroutines under GOMAXPROCS=1 and see
// that they never ran at the same time.
func Example() {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if err := trace.Start(trace.WithRuntime(0)); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0
			for i := range 1_000_000 {
				sum += i
			}
			_ = sum
		}()
	}
	wg.Wait()
	m, err := sched.Build(trace.Stop())
	if err != nil {
		panic(err)
	}
	fmt.Println("busy Ps:", m.BusyProcs(), "most running at once:", m.MaxParallel())
	// Output: busy Ps: 1 most running at once: 1
}
