// Wrong: fetches in async tasks and sends the pages through the channel, but parses them all on the calling thread: the counts are right, but no parser thread ever ran.
package main

func Pipeline(urls []string, parsers int, fetch func(url string) string, parse func(page string) []string) map[string]int {
	counts := mutex.New(map[string]int{})
	tx, rx := mpsc.Channel[string]()
	fetches := make([]*async.Future[int], len(urls))
	for i, url := range urls {
		fetches[i] = async.New(func() int { tx.Send(fetch(url)); return 0 })
	}
	async.BlockOn(async.New(func() []int { return async.Join(fetches...) }))
	tx.Drop()
	for page := range rx.Iter() {
		c := counts.MustLock()
		for _, w := range parse(page) {
			c.Get()[w]++
		}
		c.Unlock()
	}
	result, _ := counts.IntoInner()
	return result
}
