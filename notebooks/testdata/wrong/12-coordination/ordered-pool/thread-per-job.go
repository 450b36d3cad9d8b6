// Wrong: spawns one thread per job and ignores the workers limit
package main

// Pool runs work on every job with exactly workers threads and returns the
// results in the order of jobs.
func Pool(workers int, jobs []int, work func(int) int) []int {
	out := make([]int, len(jobs))
	var handles []*thread.JoinHandle[struct{}]
	for i, j := range jobs {
		handles = append(handles, thread.Go(func() { out[i] = work(j) }))
	}
	for _, h := range handles {
		h.Join()
	}
	return out
}
