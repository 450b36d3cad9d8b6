// Wrong: calls every work(i) on the calling thread, catching each panic with recover: the results are right, but nothing ran at the same time.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	values = make([]int, n)
	for i := range n {
		func() {
			defer func() {
				if recover() != nil {
					failed = append(failed, i)
				}
			}()
			values[i] = work(i)
		}()
	}
	return values, failed
}
