// Wrong: spawns each thread and joins it in the same iteration, so the threads run one after another.
package main

func RunAll(n int, work func(i int) int) (values []int, failed []int) {
	values = make([]int, n)
	for i := range n {
		v, err := thread.Spawn(func() int { return work(i) }).Join()
		if err != nil {
			failed = append(failed, i)
			continue
		}
		values[i] = v
	}
	return values, failed
}
