// Wrong: "no more threads working than cores": a semaphore lets only 4 chunks work at once, so with more parts they do not all run at the same time.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	slots := make(chan struct{}, 4)
	handles := make([]*thread.JoinHandle[int], 0, parts)
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		handles = append(handles, thread.Spawn(func() int {
			slots <- struct{}{}
			defer func() { <-slots }()
			return work(lo, hi)
		}))
	}
	total := 0
	for _, h := range handles {
		v, _ := h.Join()
		total += v
	}
	return total
}
