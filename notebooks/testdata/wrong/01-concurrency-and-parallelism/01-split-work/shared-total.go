// Wrong: every thread adds its result straight into one shared total with no lock, and the joins are only used to wait: a data race on total.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	total := 0
	handles := make([]*thread.JoinHandle[struct{}], 0, parts)
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		handles = append(handles, thread.Go(func() { total += work(lo, hi) }))
	}
	for _, h := range handles {
		h.Join()
	}
	return total
}
