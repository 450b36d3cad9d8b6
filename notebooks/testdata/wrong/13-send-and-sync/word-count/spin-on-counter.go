// Wrong: drops the join handles and busy-waits on an atomic "threads done" counter instead of joining.
package main

import "sync/atomic"

func WordCount(chunks [][]string) map[string]int {
	totals := mutex.New(map[string]int{}, mutex.Name("totals"))
	var done atomic.Int32
	for _, chunk := range chunks {
		thread.Go(func() {
			defer done.Add(1)
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
	for done.Load() < int32(len(chunks)) {
	}
	result, _ := totals.IntoInner()
	return result
}
