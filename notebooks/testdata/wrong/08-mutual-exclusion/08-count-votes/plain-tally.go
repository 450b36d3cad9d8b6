// Wrong: the workers add to a plain Tally with no lock ("each add is tiny") and the total is stored in the mutex at the end: a data race, even on the runs where the numbers come out right.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	var plain Tally
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*len(votes)/workers : (w+1)*len(votes)/workers]
			s.Go(func() {
				for _, yes := range part {
					if yes {
						plain.Yes++
					} else {
						plain.No++
					}
				}
			})
		}
	})
	g := tally.MustLock()
	g.Set(plain)
	g.Unlock()
	final, _ := tally.IntoInner()
	return final
}
