// Wrong: rounds the chunk size up and clips the last chunk, so the last chunk is much smaller than the others.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	size := (n + parts - 1) / parts
	handles := make([]*thread.JoinHandle[int], 0, parts)
	for p := range parts {
		lo, hi := min(p*size, n), min((p+1)*size, n)
		handles = append(handles, thread.Spawn(func() int { return work(lo, hi) }))
	}
	total := 0
	for _, h := range handles {
		v, _ := h.Join()
		total += v
	}
	return total
}
