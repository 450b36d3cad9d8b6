// Wrong: spawns a task per page but returns without awaiting the handles, so the pages are still empty
package main

// GatherPages returns a future that fetches every id concurrently and
// returns the pages in the order of ids.
func GatherPages(ids []int, fetch func(id int) string) *async.Future[[]string] {
	return async.New(func() []string {
		pages := make([]string, len(ids))
		for i, id := range ids {
			async.Spawn(async.New(func() int { pages[i] = fetch(id); return 0 }))
		}
		return pages
	})
}
