// Wrong: "one chunk needs no thread": with parts == 1 it calls work on the calling thread, so that chunk never runs on a thread of its own.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	if parts == 1 {
		return work(0, n)
	}
	handles := make([]*thread.JoinHandle[int], 0, parts)
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		handles = append(handles, thread.Spawn(func() int { return work(lo, hi) }))
	}
	total := 0
	for _, h := range handles {
		v, _ := h.Join()
		total += v
	}
	return total
}
