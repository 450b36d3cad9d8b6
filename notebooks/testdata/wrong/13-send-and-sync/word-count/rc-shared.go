// Wrong: shares the locked totals through an rc.Rc, as if Rc could cross threads like Arc
package main

// WordCount counts, with one thread per chunk, how often each word occurs in
// all the chunks, and returns the totals.
func WordCount(chunks [][]string) map[string]int {
	totals := rc.New(mutex.New(map[string]int{}))
	var handles []*thread.JoinHandle[struct{}]
	for _, chunk := range chunks {
		mine := totals.Clone()
		handles = append(handles, thread.Go(func() {
			defer mine.Drop()
			g := mine.Get().MustLock()
			defer g.Unlock()
			for _, w := range chunk {
				g.Get()[w]++
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	g := totals.Get().MustLock()
	defer g.Unlock()
	return g.Get()
}
