// Wrong: starts the workers threads and then has the calling thread take jobs from the queue too, "so it is not idle": workers+1 calls of work run at once.
package main

func Pool(workers int, jobs []int, work func(int) int) []int {
	type result struct{ index, value int }
	indices := make(chan int, len(jobs))
	for i := range jobs {
		indices <- i
	}
	close(indices)
	results := make(chan result, len(jobs))
	var hs []*thread.JoinHandle[struct{}]
	for range workers {
		hs = append(hs, thread.Go(func() {
			for i := range indices {
				results <- result{i, work(jobs[i])}
			}
		}))
	}
	for i := range indices { // the caller helps
		results <- result{i, work(jobs[i])}
	}
	for _, h := range hs {
		h.Join()
	}
	close(results)
	out := make([]int, len(jobs))
	for r := range results {
		out[r.index] = r.value
	}
	return out
}
