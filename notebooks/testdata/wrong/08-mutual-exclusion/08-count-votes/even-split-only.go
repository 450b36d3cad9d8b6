// Wrong: gives each worker len/workers votes, so the remainder of an uneven split is never counted.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	size := len(votes) / workers
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*size : (w+1)*size]
			s.Go(func() {
				for _, yes := range part {
					g := tally.MustLock()
					if yes {
						g.Ptr().Yes++
					} else {
						g.Ptr().No++
					}
					g.Unlock()
				}
			})
		}
	})
	final, _ := tally.IntoInner()
	return final
}
