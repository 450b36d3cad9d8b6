// Wrong: gives each worker len/workers votes and counts the leftover votes on the calling thread after the scope.
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
	})
	count(votes[workers*size:])
	final, _ := tally.IntoInner()
	return final
}
