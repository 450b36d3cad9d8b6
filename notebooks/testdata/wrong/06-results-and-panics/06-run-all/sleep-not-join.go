// Wrong: catches each panic inside its thread and writes to shared slices, then sleeps "long enough" instead of joining the threads.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	values = make([]int, n)
	bad := make([]bool, n)
	for i := range n {
		thread.Go(func() {
			defer func() {
				if recover() != nil {
					bad[i] = true
				}
			}()
			values[i] = work(i)
		})
	}
	time.Sleep(200 * time.Millisecond)
	for i, b := range bad {
		if b {
			failed = append(failed, i)
		}
	}
	return values, failed
}
