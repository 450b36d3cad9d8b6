// Wrong: forgets the empty case: FirstOf() panics with an index error instead of saying there are no jobs.
package main

// FirstOf runs every job on its own goroutine and returns the first result.
func FirstOf(jobs ...func() int) int {
	results := make(chan int, len(jobs))
	for _, j := range jobs {
		go func() { results <- j() }()
	}
	_ = jobs[0]
	return <-results
}
