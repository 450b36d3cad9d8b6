// Wrong: "never more threads than cores": starts at most four threads that share the chunks between them, so eight chunks are counted by four threads, not one thread per chunk.
package main

func WordCount(chunks [][]string) map[string]int {
	totals := mutex.New(map[string]int{}, mutex.Name("totals"))
	n := min(len(chunks), 4)
	var handles []*thread.JoinHandle[struct{}]
	for t := range n {
		handles = append(handles, thread.Go(func() {
			for c := t; c < len(chunks); c += n {
				local := map[string]int{}
				for _, w := range chunks[c] {
					local[w]++
				}
				g := totals.MustLock()
				for w, k := range local {
					g.Get()[w] += k
				}
				g.Unlock()
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	result, _ := totals.IntoInner()
	return result
}
