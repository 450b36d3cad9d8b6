// Wrong: each thread counts into a map of its own (good), then appends it to a shared slice with no lock — a data race that usually prints the right totals
package main

// WordCount counts, with one thread per chunk, how often each word occurs in
// all the chunks, and returns the totals.
func WordCount(chunks [][]string) map[string]int {
	var parts []map[string]int
	var handles []*thread.JoinHandle[struct{}]
	for _, chunk := range chunks {
		handles = append(handles, thread.Go(func() {
			local := map[string]int{}
			for _, w := range chunk {
				local[w]++
			}
			parts = append(parts, local)
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	totals := map[string]int{}
	for _, part := range parts {
		for w, n := range part {
			totals[w] += n
		}
	}
	return totals
}
