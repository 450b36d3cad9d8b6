// Wrong: uses TryLock and skips the store when another thread holds the lock, so some ids are lost
package main

// EnrichAll fills a cache with lookup(id) for every id, using threads
// threads that each call record for their share of the ids.
func EnrichAll(ids []int, threads int, lookup func(id int) string) map[int]string {
	cache := mutex.New(map[int]string{}, mutex.Name("cache"))
	var hs []*thread.JoinHandle[struct{}]
	for t := range threads {
		hs = append(hs, thread.Go(func() {
			for i := t; i < len(ids); i += threads {
				record(cache, ids[i], lookup)
			}
		}))
	}
	for _, h := range hs {
		if _, err := h.Join(); err != nil {
			panic(err.(*thread.PanicError).Value) // a thread's panic goes on in the caller
		}
	}
	m, _ := cache.IntoInner()
	return m
}

// record stores lookup(id) in the cache under id. Many threads call it at once.
func record(cache *mutex.Mutex[map[int]string], id int, lookup func(id int) string) {
	name := lookup(id)
	g, err := cache.TryLock()
	if err != nil {
		return // busy: try to be quick and move on
	}
	defer g.Unlock()
	g.Get()[id] = name
}
