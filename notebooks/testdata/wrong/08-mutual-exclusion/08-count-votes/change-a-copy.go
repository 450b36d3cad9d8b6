// Wrong: changes the copy that g.Get() returns; the Tally inside the mutex never changes.
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
					if yes {
						t.Yes++
					} else {
						t.No++
					}
					g.Unlock()
				}
			})
		}
	})
	final, _ := tally.IntoInner()
	return final
}
