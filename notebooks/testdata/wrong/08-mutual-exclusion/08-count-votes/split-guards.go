// Wrong: reads the tally under one guard and writes it back under another; a thread can slip in between.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*len(votes)/workers : (w+1)*len(votes)/workers]
			s.Go(func() {
				for _, yes := range part {
					g := tally.MustLock()
					t := g.Get()
					g.Unlock()
					if yes {
						t.Yes++
					} else {
						t.No++
					}
					g = tally.MustLock()
					g.Set(t)
					g.Unlock()
				}
			})
		}
	})
	final, _ := tally.IntoInner()
	return final
}
