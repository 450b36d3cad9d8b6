// Wrong: gives each of the workers len/workers votes and starts one extra thread for the remainder, so an uneven split runs workers+1 threads.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	size := len(votes) / workers
	count := func(part []bool) {
		for _, yes := range part {
			g := tally.MustLock()
			if yes {
				g.Ptr().Yes++
			} else {
				g.Ptr().No++
			}
			g.Unlock()
		}
	}
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*size : (w+1)*size]
			s.Go(func() { count(part) })
		}
		if rest := votes[workers*size:]; len(rest) > 0 {
			s.Go(func() { count(rest) })
		}
	})
	final, _ := tally.IntoInner()
	return final
}
