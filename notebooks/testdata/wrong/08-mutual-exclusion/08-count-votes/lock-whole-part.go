// Wrong: each worker takes the tally's lock once and holds it while it counts its whole part, so the workers run one after another.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*len(votes)/workers : (w+1)*len(votes)/workers]
			s.Go(func() {
				g := tally.MustLock()
				defer g.Unlock()
				for _, yes := range part {
					if yes {
						g.Ptr().Yes++
					} else {
						g.Ptr().No++
					}
				}
			})
		}
	})
	final, _ := tally.IntoInner()
	return final
}
