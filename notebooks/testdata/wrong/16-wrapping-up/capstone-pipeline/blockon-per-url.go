// Wrong: gives every URL a thread of its own that runs its fetch under its own async.BlockOn and sends the page: the fetches overlap, but on twelve one-task executors and twelve threads instead of tasks on one executor.
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
	var fetchers []*thread.JoinHandle[struct{}]
	for _, url := range urls {
		mine := tx.Clone()
		fetchers = append(fetchers, thread.Go(func() {
			defer mine.Drop()
			page, _ := async.BlockOn(async.New(func() string { return fetch(url) }))
			mine.Send(page)
		}))
	}
	tx.Drop()
	for _, h := range fetchers {
		h.Join()
	}
	for _, h := range pool {
		h.Join()
	}
	result, _ := counts.IntoInner()
	return result
}
