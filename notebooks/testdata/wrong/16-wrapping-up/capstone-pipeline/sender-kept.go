// Wrong: never drops the channel's sender, so the parsers wait for more pages forever and Pipeline never returns
package main

// Pipeline fetches every URL in async tasks, sends the pages over a channel to
// exactly parsers threads that parse them, and returns the word counts.
func Pipeline(urls []string, parsers int, fetch func(url string) string, parse func(page string) []string) map[string]int {
	counts := mutex.New(map[string]int{})
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
				words := parse(page)
				c := counts.MustLock()
				for _, w := range words {
					c.Get()[w]++
				}
				c.Unlock()
			}
		}))
	}
	fetches := make([]*async.Future[int], len(urls))
	for i, url := range urls {
		fetches[i] = async.New(func() int { tx.Send(fetch(url)); return 0 })
	}
	async.BlockOn(async.New(func() []int { return async.Join(fetches...) }))
	for _, h := range pool {
		h.Join()
	}
	result, _ := counts.IntoInner()
	return result
}
