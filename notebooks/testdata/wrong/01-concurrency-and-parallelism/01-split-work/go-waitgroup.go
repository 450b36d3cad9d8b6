// Wrong: uses plain `go` statements and a sync.WaitGroup instead of thread.Spawn and Join, as the exercise asks ("it's the same thing in Go").
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	results := make([]int, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[p] = work(lo, hi)
		}()
	}
	wg.Wait()
	total := 0
	for _, v := range results {
		total += v
	}
	return total
}
