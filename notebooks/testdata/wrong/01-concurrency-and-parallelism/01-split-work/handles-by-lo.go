// Wrong: keeps the handles in a map keyed by each chunk's start; with more parts than indexes, empty chunks share a start, a handle is overwritten and that thread is never joined.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	handles := map[int]*thread.JoinHandle[int]{}
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		handles[lo] = thread.Spawn(func() int { return work(lo, hi) })
	}
	total := 0
	for _, h := range handles {
		v, _ := h.Join()
		total += v
	}
	return total
}
