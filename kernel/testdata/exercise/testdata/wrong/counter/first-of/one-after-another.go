// Wrong: runs the jobs one after another and keeps the first result: it waits for every job, even one that never ends.
package main

// FirstOf runs every job on its own goroutine and returns the first result.
func FirstOf(jobs ...func() int) int {
	if len(jobs) == 0 {
		panic("FirstOf: no jobs")
	}
	results := make([]int, len(jobs))
	for i, j := range jobs {
		results[i] = j()
	}
	return results[0]
}
