// Wrong: the threads send their sums into a channel with a fixed buffer of 16 and the caller joins before it reads: with more than 16 parts the extra senders block and the joins wait forever.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	sums := make(chan int, 16)
	handles := make([]*thread.JoinHandle[struct{}], 0, parts)
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		handles = append(handles, thread.Go(func() { sums <- work(lo, hi) }))
	}
	for _, h := range handles {
		h.Join()
	}
	close(sums)
	total := 0
	for v := range sums {
		total += v
	}
	return total
}
