// Wrong: awaits each fetch before starting the next, so the downloads do not overlap
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
	async.BlockOn(async.New(func() int {
		for _, url := range urls {
			tx.Send(async.New(func() string { return fetch(url) }).Await())
		}
		return 0
	}))
	tx.Drop()
	for _, h := range pool {
		h.Join()
	}
	result, _ := counts.IntoInner()
	return result
}
