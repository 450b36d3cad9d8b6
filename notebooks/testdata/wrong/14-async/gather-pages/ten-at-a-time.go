// Wrong: "do not flood the server": fetches at most ten pages at a time, joining each batch of ten before starting the next — with more than ten ids the fetches are no longer all concurrent.
package main

func GatherPages(ids []int, fetch func(id int) string) *async.Future[[]string] {
	return async.New(func() []string {
		pages := []string{}
		for start := 0; start < len(ids); start += 10 {
			var batch []*async.Future[string]
			for _, id := range ids[start:min(start+10, len(ids))] {
				batch = append(batch, async.New(func() string { return fetch(id) }))
			}
			pages = append(pages, async.Join(batch...)...)
		}
		return pages
	})
}
