// Wrong: fetches the URLs in batches of parsers at a time ("no more pages in flight than parsers to read them"), joining each batch before the next: the fetches do not all overlap.
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
	async.BlockOn(async.New(func() int {
		for start := 0; start < len(urls); start += parsers {
			var batch []*async.Future[int]
			for _, url := range urls[start:min(start+parsers, len(urls))] {
				batch = append(batch, async.New(func() int { tx.Send(fetch(url)); return 0 }))
			}
			async.Join(batch...)
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
