// Wrong: counts into one plain map with no lock ("the parsers rarely collide"): the counts usually come out right, and Go's map check rarely fires, but it is a data race.
package main

func Pipeline(urls []string, parsers int, fetch func(url string) string, parse func(page string) []string) map[string]int {
	counts := map[string]int{}
	tx, rx := mpsc.Channel[string]()
	inbox := mutex.New(rx)
	var pool []*thread.JoinHandle[struct{}]
	for range parsers {
		pool = append(pool, thread.Go(func() {
			for {
				g := inbox.MustLock()
				page, err := g.Get().Recv()
				g.Unlock()
				if err != nil {
					return
				}
				for _, w := range parse(page) {
					counts[w]++
				}
			}
		}))
	}
	fetches := make([]*async.Future[int], len(urls))
	for i, url := range urls {
		fetches[i] = async.New(func() int { tx.Send(fetch(url)); return 0 })
	}
	async.BlockOn(async.New(func() []int { return async.Join(fetches...) }))
	tx.Drop()
	for _, h := range pool {
		h.Join()
	}
	return counts
}
