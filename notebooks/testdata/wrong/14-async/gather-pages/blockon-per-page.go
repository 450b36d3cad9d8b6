// Wrong: gives every page a thread of its own that runs its fetch with its own async.BlockOn, and the future joins the threads: the waits overlap, but on ten executors and ten threads, with the one worker blocked in Join.
package main

func GatherPages(ids []int, fetch func(id int) string) *async.Future[[]string] {
	return async.New(func() []string {
		pages := make([]string, len(ids))
		var hs []*thread.JoinHandle[struct{}]
		for i, id := range ids {
			hs = append(hs, thread.Go(func() {
				pages[i], _ = async.BlockOn(async.New(func() string { return fetch(id) }))
			}))
		}
		for _, h := range hs {
			h.Join()
		}
		return pages
	})
}
