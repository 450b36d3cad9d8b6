// Wrong: never closes the jobs channel, so the workers wait for more jobs forever and Pool never returns
package main

// Pool runs work on every job with exactly workers threads and returns the
// results in the order of jobs.
func Pool(workers int, jobs []int, work func(int) int) []int {
	type result struct{ index, value int }
	indices := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		thread.Go(func() {
			defer wg.Done()
			for i := range indices {
				results <- result{i, work(jobs[i])}
			}
		})
	}
	go func() {
		for i := range jobs {
			indices <- i
		}
		wg.Wait()
		close(results)
	}()
	out := make([]int, len(jobs))
	for r := range results {
		out[r.index] = r.value
	}
	return out
}
