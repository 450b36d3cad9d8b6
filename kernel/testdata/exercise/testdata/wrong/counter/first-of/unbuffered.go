// Wrong: an unbuffered channel: only the first sender is received, the slower jobs' goroutines block on their send forever.
package main

// FirstOf runs every job on its own goroutine and returns the first result.
func FirstOf(jobs ...func() int) int {
	if len(jobs) == 0 {
		panic("FirstOf: no jobs")
	}
	results := make(chan int)
	for _, j := range jobs {
		go func() { results <- j() }()
	}
	return <-results
}
