// Wrong: appends failures from the threads under a lock as they happen and sorts at the end, and never looks at Join's error (Join only waits).
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	var mu sync.Mutex
	values = make([]int, n)
	handles := make([]*thread.JoinHandle[struct{}], n)
	for i := range n {
		handles[i] = thread.Go(func() {
			defer func() {
				if recover() != nil {
					mu.Lock()
					failed = append(failed, i)
					mu.Unlock()
				}
			}()
			values[i] = work(i)
		})
	}
	for _, h := range handles {
		h.Join()
	}
	sort.Ints(failed)
	return values, failed
}
