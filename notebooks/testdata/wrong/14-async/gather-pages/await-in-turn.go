// Wrong: awaits each page before starting the next, so the waits add up instead of overlapping
package main

// GatherPages returns a future that fetches every id concurrently and
// returns the pages in the order of ids.
func GatherPages(ids []int, fetch func(id int) string) *async.Future[[]string] {
	return async.New(func() []string {
		pages := []string{}
		for _, id := range ids {
			pages = append(pages, async.New(func() string { return fetch(id) }).Await())
		}
		return pages
	})
}
