// Wrong: splits the jobs into workers equal chunks of len(jobs)/workers, one thread per chunk — when the jobs do not divide evenly (or there are more workers than jobs) the leftover jobs are never run and their results stay 0.
package main

func Pool(workers int, jobs []int, work func(int) int) []int {
	out := make([]int, len(jobs))
	size := len(jobs) / workers
	var hs []*thread.JoinHandle[struct{}]
	for w := range workers {
		hs = append(hs, thread.Go(func() {
			for i := w * size; i < (w+1)*size; i++ {
				out[i] = work(jobs[i])
			}
		}))
	}
	for _, h := range hs {
		h.Join()
	}
	return out
}
