// Wrong: does every job on the calling thread, one after the other — correct results, but no pool at all
package main

// Pool runs work on every job with exactly workers threads and returns the
// results in the order of jobs.
func Pool(workers int, jobs []int, work func(int) int) []int {
	out := make([]int, len(jobs))
	for i, j := range jobs {
		out[i] = work(j)
	}
	return out
}
