// Wrong: one thread per chunk, all adding to one plain map with no lock: the race detector reports it even on runs where the totals come out right.
package main

func WordCount(chunks [][]string) map[string]int {
	totals := map[string]int{}
	var handles []*thread.JoinHandle[struct{}]
	for _, chunk := range chunks {
		handles = append(handles, thread.Go(func() {
			for _, w := range chunk {
				totals[w]++
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	return totals
}
