// Wrong: each thread bumps a counter of its own and adds it to the shared one once at the end: no bump ever touches the shared counter.
package main

func SafeCount(threads, perThread int) int {
	counter := mutex.New(0, mutex.Name("counter"))
	handles := make([]*thread.JoinHandle[struct{}], 0, threads)
	for range threads {
		handles = append(handles, thread.Go(func() {
			mine := 0
			for range perThread {
				bump(&mine)
			}
			g, _ := counter.Lock()
			g.Set(g.Get() + mine)
			g.Unlock()
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	g, _ := counter.Lock()
	defer g.Unlock()
	return g.Get()
}
