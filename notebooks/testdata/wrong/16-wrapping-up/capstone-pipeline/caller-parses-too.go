// Wrong: once the fetches are done, the calling thread joins the parsers and parses pages too, "instead of sitting idle": parsers+1 parse at once.
package main

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
	tx.Drop()
	for {
		g := inbox.MustLock()
		page, err := g.Get().Recv()
		g.Unlock()
		if err != nil {
			break
		}
		words := parse(page)
		c := counts.MustLock()
		for _, w := range words {
			c.Get()[w]++
		}
		c.Unlock()
	}
	for _, h := range pool {
		h.Join()
	}
	result, _ := counts.IntoInner()
	return result
}
