// Wrong: no channels at all: the workers take the next job from a shared "next" index with no lock or atomic — a data race that can run a job twice or skip one, and usually looks fine.
package main

func Pool(workers int, jobs []int, work func(int) int) []int {
	out := make([]int, len(jobs))
	next := 0
	var hs []*thread.JoinHandle[struct{}]
	for range workers {
		hs = append(hs, thread.Go(func() {
			for {
				i := next
				next++
				if i >= len(jobs) {
					return
				}
				out[i] = work(jobs[i])
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	return out
}
