// Wrong: receives exactly len(jobs) results and returns, but never closes the jobs channel: the workers stay blocked on it forever, one leaked pool per call.
package main

func Pool(workers int, jobs []int, work func(int) int) []int {
	type result struct{ index, value int }
	indices := make(chan int)
	results := make(chan result)
	for range workers {
		thread.Go(func() {
			for i := range indices {
				results <- result{i, work(jobs[i])}
			}
		})
	}
	go func() {
		for i := range jobs {
			indices <- i
		}
	}()
	out := make([]int, len(jobs))
	for range jobs {
		r := <-results
		out[r.index] = r.value
	}
	return out
}
