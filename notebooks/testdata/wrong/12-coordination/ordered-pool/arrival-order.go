// Wrong: appends results in the order they arrive instead of putting each at its job's index
package main

// Pool runs work on every job with exactly workers threads and returns the
// results in the order of jobs.
func Pool(workers int, jobs []int, work func(int) int) []int {
	queue := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		thread.Go(func() {
			defer wg.Done()
			for j := range queue {
				results <- work(j)
			}
		})
	}
	go func() {
		for _, j := range jobs {
			queue <- j
		}
		close(queue)
		wg.Wait()
		close(results)
	}()
	out := []int{}
	for r := range results {
		out = append(out, r)
	}
	return out
}
