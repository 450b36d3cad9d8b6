// Wrong: "fixes" the race on a plain map by joining each thread before starting the next: one thread per chunk and no race, but the threads run one at a time — nothing was made safe to share, it just stopped being shared at once.
package main

func WordCount(chunks [][]string) map[string]int {
	totals := map[string]int{}
	for _, chunk := range chunks {
		h := thread.Go(func() {
			for _, w := range chunk {
				totals[w]++
			}
		})
		h.Join()
	}
	return totals
}
