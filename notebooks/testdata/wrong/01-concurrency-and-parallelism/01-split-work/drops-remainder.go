// Wrong: every chunk gets n/parts indexes, so the n%parts left over at the end are never worked on.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	size := n / parts
	handles := make([]*thread.JoinHandle[int], 0, parts)
	for p := range parts {
		lo := p * size
		handles = append(handles, thread.Spawn(func() int { return work(lo, lo+size) }))
	}
	total := 0
	for _, h := range handles {
		v, _ := h.Join()
		total += v
	}
	return total
}
