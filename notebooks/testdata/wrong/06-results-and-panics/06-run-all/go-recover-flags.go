// Wrong: plain goroutines, recover and a sync.WaitGroup with a per-index failure flag, instead of threads whose panics come back from Join.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	values = make([]int, n)
	bad := make([]bool, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if recover() != nil {
					bad[i] = true
				}
			}()
			values[i] = work(i)
		}()
	}
	wg.Wait()
	for i, b := range bad {
		if b {
			failed = append(failed, i)
		}
	}
	return values, failed
}
