// Wrong: drops the sender and then waits for the parsers with time.Sleep instead of joining them, reading the counts under their lock.
package main

import "time"

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
	time.Sleep(100 * time.Millisecond)
	c := counts.MustLock()
	defer c.Unlock()
	result := map[string]int{}
	for w, n := range c.Get() {
		result[w] = n
	}
	return result
}
