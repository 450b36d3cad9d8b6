// Wrong: parses inside the async tasks, right after fetching — CPU work on the executor's single worker, and no parser threads at all
package main

// Pipeline fetches every URL in async tasks, sends the pages over a channel to
// exactly parsers threads that parse them, and returns the word counts.
func Pipeline(urls []string, parsers int, fetch func(url string) string, parse func(page string) []string) map[string]int {
	counts := mutex.New(map[string]int{})
	fetches := make([]*async.Future[int], len(urls))
	for i, url := range urls {
		fetches[i] = async.New(func() int {
			words := parse(fetch(url))
			c := counts.MustLock()
			for _, w := range words {
				c.Get()[w]++
			}
			c.Unlock()
			return 0
		})
	}
	async.BlockOn(async.New(func() []int { return async.Join(fetches...) }))
	result, _ := counts.IntoInner()
	return result
}
