// Wrong: returns the totals as soon as the threads are started, while they are still counting
package main

// WordCount counts, with one thread per chunk, how often each word occurs in
// all the chunks, and returns the totals.
func WordCount(chunks [][]string) map[string]int {
	totals := mutex.New(map[string]int{})
	for _, chunk := range chunks {
		thread.Go(func() {
			g := totals.MustLock()
			defer g.Unlock()
			for _, w := range chunk {
				g.Get()[w]++
			}
		})
	}
	g := totals.MustLock()
	defer g.Unlock()
	return g.Get()
}
