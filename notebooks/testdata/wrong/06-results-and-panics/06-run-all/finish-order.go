// Wrong: plain goroutines with recover, appending failures as they happen, so failed comes in finish order.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	values = make([]int, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					failed = append(failed, i)
					mu.Unlock()
				}
			}()
			values[i] = work(i)
		})
	}
	wg.Wait()
	return values, failed
}
