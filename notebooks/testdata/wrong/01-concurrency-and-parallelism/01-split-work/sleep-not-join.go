// Wrong: starts the threads, then sleeps "long enough" for them to finish instead of joining them, and reads their results from a shared slice.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	results := make([]int, parts)
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		thread.Go(func() { results[p] = work(lo, hi) })
	}
	time.Sleep(100 * time.Millisecond)
	total := 0
	for _, v := range results {
		total += v
	}
	return total
}
