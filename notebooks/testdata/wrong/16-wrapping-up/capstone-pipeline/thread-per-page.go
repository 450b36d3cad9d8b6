// Wrong: starts a parser thread for every page instead of a pool of `parsers` threads
package main

// Pipeline fetches every URL in async tasks, sends the pages over a channel to
// exactly parsers threads that parse them, and returns the word counts.
func Pipeline(urls []string, parsers int, fetch func(url string) string, parse func(page string) []string) map[string]int {
	counts := mutex.New(map[string]int{})
	tx, rx := mpsc.Channel[string]()
	fetches := make([]*async.Future[int], len(urls))
	for i, url := range urls {
		fetches[i] = async.New(func() int { tx.Send(fetch(url)); return 0 })
	}
	async.BlockOn(async.New(func() []int { return async.Join(fetches...) }))
	tx.Drop()
	var pool []*thread.JoinHandle[struct{}]
	for page := range rx.Iter() {
		pool = append(pool, thread.Go(func() {
			words := parse(page)
			c := counts.MustLock()
			for _, w := range words {
				c.Get()[w]++
			}
			c.Unlock()
		}))
	}
	for _, h := range pool {
		h.Join()
	}
	result, _ := counts.IntoInner()
	return result
}
