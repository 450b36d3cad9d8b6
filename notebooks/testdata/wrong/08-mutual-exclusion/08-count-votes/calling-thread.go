// Wrong: counts every vote on the calling thread, under the lock: the tally is right, but no worker thread ever ran.
package main

func CountVotes(votes []bool, workers int) Tally {
	tally := mutex.New(Tally{}, mutex.Name("tally"))
	for _, yes := range votes {
		g := tally.MustLock()
		if yes {
			g.Ptr().Yes++
		} else {
			g.Ptr().No++
		}
		g.Unlock()
	}
	final, _ := tally.IntoInner()
	return final
}
