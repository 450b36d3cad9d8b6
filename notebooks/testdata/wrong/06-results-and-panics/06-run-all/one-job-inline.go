// Wrong: "one job needs no thread": with n == 1 it runs work(0) on the calling thread and catches its panic with recover.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	if n == 1 {
		values = []int{0}
		func() {
			defer func() {
				if recover() != nil {
					failed = []int{0}
				}
			}()
			values[0] = work(0)
		}()
		return values, failed
	}
	handles := make([]*thread.JoinHandle[int], n)
	for i := range n {
		handles[i] = thread.Spawn(func() int { return work(i) })
	}
	values = make([]int, n)
	for i, h := range handles {
		v, err := h.Join()
		if err != nil {
			failed = append(failed, i)
			continue
		}
		values[i] = v
	}
	return values, failed
}
