// Wrong: throws Join's error away; a panicked thread's zero value looks like a result and nothing is reported.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	handles := make([]*thread.JoinHandle[int], n)
	for i := range n {
		handles[i] = thread.Spawn(func() int { return work(i) })
	}
	values = make([]int, n)
	for i, h := range handles {
		values[i], _ = h.Join()
	}
	return values, failed
}
