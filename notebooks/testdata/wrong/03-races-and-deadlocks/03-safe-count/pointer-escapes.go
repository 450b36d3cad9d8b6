// Wrong: takes the pointer out of the guard once and unlocks, then bumps through it with no lock held.
package main

func SafeCount(threads, perThread int) int {
	counter := mutex.New(0, mutex.Name("counter"))
	handles := make([]*thread.JoinHandle[struct{}], 0, threads)
	for range threads {
		handles = append(handles, thread.Go(func() {
			g, _ := counter.Lock()
			p := g.Ptr()
			g.Unlock()
			for range perThread {
				bump(p)
			}
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	g, _ := counter.Lock()
	defer g.Unlock()
	return g.Get()
}
