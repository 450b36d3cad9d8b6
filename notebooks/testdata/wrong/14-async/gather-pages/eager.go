// Wrong: fetches everything when GatherPages is called and wraps the finished pages in a future — not lazy, and fetch runs outside any task
package main

// GatherPages returns a future that fetches every id concurrently and
// returns the pages in the order of ids.
func GatherPages(ids []int, fetch func(id int) string) *async.Future[[]string] {
	pages := make([]string, len(ids))
	for i, id := range ids {
		pages[i] = fetch(id)
	}
	return async.New(func() []string { return pages })
}
