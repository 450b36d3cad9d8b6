// Wrong: the workers write each result straight into its slot, and Pool waits with time.Sleep "long enough" instead of joining them.
package main

import "time"

func Pool(workers int, jobs []int, work func(int) int) []int {
	indices := make(chan int, len(jobs))
	for i := range jobs {
		indices <- i
	}
	close(indices)
	out := make([]int, len(jobs))
	for range workers {
		thread.Go(func() {
			for i := range indices {
				out[i] = work(jobs[i])
			}
		})
	}
	time.Sleep(200 * time.Millisecond)
	return out
}
