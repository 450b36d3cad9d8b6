// Wrong: each thread counts its part in a local Tally and stores it at the end; the last store wins.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*len(votes)/workers : (w+1)*len(votes)/workers]
			s.Go(func() {
				var mine Tally
				for _, yes := range part {
					if yes {
						mine.Yes++
					} else {
						mine.No++
					}
				}
				g := tally.MustLock()
				g.Set(mine)
				g.Unlock()
			})
		}
	})
	final, _ := tally.IntoInner()
	return final
}
