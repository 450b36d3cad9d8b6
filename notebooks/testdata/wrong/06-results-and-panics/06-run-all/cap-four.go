// Wrong: lets at most 4 jobs work at once ("one per core"), so with more jobs they do not all run at the same time.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	slots := make(chan struct{}, 4)
	handles := make([]*thread.JoinHandle[int], n)
	for i := range n {
		handles[i] = thread.Spawn(func() int {
			slots <- struct{}{}
			defer func() { <-slots }()
			return work(i)
		})
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
