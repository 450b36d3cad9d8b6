// Wrong: rounds the part size up and clips only the end of each part; when the rounded-up parts run out before the workers do (5 votes, 4 workers: size 2, the 4th part starts at 6), the slice expression panics.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	size := (len(votes) + workers - 1) / workers
	thread.Scope(func(s *thread.Scoped) {
		for w := range workers {
			part := votes[w*size : min((w+1)*size, len(votes))]
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
