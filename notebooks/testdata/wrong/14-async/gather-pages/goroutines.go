// Wrong: starts plain goroutines that call fetch — async.Sleep inside them is outside any task, and nothing waits for them
package main

// GatherPages returns a future that fetches every id concurrently and
// returns the pages in the order of ids.
func GatherPages(ids []int, fetch func(id int) string) *async.Future[[]string] {
	return async.New(func() []string {
		pages := make([]string, len(ids))
		var wg sync.WaitGroup
		for i, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { recover() }()
				pages[i] = fetch(id)
			}()
		}
		wg.Wait()
		return pages
	})
}
