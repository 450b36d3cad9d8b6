// Wrong: each thread locks a mutex of its own, which excludes nobody
package main

// WordCount counts, with one thread per chunk, how often each word occurs in
// all the chunks, and returns the totals.
func WordCount(chunks [][]string) map[string]int {
	totals := map[string]int{}
	var handles []*thread.JoinHandle[struct{}]
	for _, chunk := range chunks {
		handles = append(handles, thread.Go(func() {
			var mu sync.Mutex
			for _, w := range chunk {
				mu.Lock()
				totals[w]++
				mu.Unlock()
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	return totals
}
