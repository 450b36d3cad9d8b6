// Wrong: each thread takes the guard once and holds it for all of its perThread bumps, so the threads run one after another.
package main

func SafeCount(threads, perThread int) int {
	counter := mutex.New(0, mutex.Name("counter"))
	handles := make([]*thread.JoinHandle[struct{}], 0, threads)
	for range threads {
		handles = append(handles, thread.Go(func() {
			g, _ := counter.Lock()
			defer g.Unlock()
			for range perThread {
				bump(g.Ptr())
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
