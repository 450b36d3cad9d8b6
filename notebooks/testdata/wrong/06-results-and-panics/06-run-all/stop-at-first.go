// Wrong: treats the first failure as the end of the batch and returns without joining the rest.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	handles := make([]*thread.JoinHandle[int], n)
	for i := range n {
		handles[i] = thread.Spawn(func() int { return work(i) })
	}
	values = make([]int, n)
	for i, h := range handles {
		v, err := h.Join()
		if err != nil {
			return values, []int{i}
		}
		values[i] = v
	}
	return values, nil
}
