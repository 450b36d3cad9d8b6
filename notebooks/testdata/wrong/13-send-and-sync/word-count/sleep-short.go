// Wrong: the totals are locked properly, but WordCount waits for the threads with a short time.Sleep (20 ms, "plenty for a few thousand words") instead of joining them, then reads the totals under the lock.
package main

import "time"

func WordCount(chunks [][]string) map[string]int {
	totals := mutex.New(map[string]int{}, mutex.Name("totals"))
	for _, chunk := range chunks {
		thread.Go(func() {
			local := map[string]int{}
			for _, w := range chunk {
				local[w]++
			}
			g := totals.MustLock()
			defer g.Unlock()
			for w, n := range local {
				g.Get()[w] += n
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	g := totals.MustLock()
	defer g.Unlock()
	out := map[string]int{}
	for w, n := range g.Get() {
		out[w] = n
	}
	return out
}
