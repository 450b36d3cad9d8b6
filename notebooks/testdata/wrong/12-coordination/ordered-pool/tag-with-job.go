// Wrong: tags each result with its job instead of its index and puts it back with slices.Index(jobs, job): with a job that appears twice, the first slot is written twice and the second stays 0.
package main

import "slices"

func Pool(workers int, jobs []int, work func(int) int) []int {
	type result struct{ job, value int }
	queue := make(chan int)
	results := make(chan result)
	var hs []*thread.JoinHandle[struct{}]
	for range workers {
		hs = append(hs, thread.Go(func() {
			for j := range queue {
				results <- result{j, work(j)}
			}
		}))
	}
	go func() {
		for _, j := range jobs {
			queue <- j
		}
		close(queue)
		for _, h := range hs {
			h.Join()
		}
		close(results)
	}()
	out := make([]int, len(jobs))
	for r := range results {
		out[slices.Index(jobs, r.job)] = r.value
	}
	return out
}
