// Wrong: with a single thread asked for, it bumps on the calling thread ("no one to race with"), so no thread of its own ever runs.
package main

func SafeCount(threads, perThread int) int {
	// Keep the counter in a mutex: counter := mutex.New(0, mutex.Name("counter"))
	counter := mutex.New(0, mutex.Name("counter"))
	bumpAll := func() {
		for range perThread {
			g, _ := counter.Lock()
			bump(g.Ptr())
			g.Unlock()
		}
	}
	if threads == 1 {
		bumpAll()
	} else {
		handles := make([]*thread.JoinHandle[struct{}], 0, threads)
		for range threads {
			handles = append(handles, thread.Go(bumpAll))
		}
		for _, h := range handles {
			h.Join()
		}
	}
	g, _ := counter.Lock()
	defer g.Unlock()
	return g.Get()
}
