// Wrong: locks correctly but reads the counter without waiting for the threads, so it returns a partial count.
package main

func SafeCount(threads, perThread int) int {
	counter := mutex.New(0, mutex.Name("counter"))
	for range threads {
		thread.Go(func() {
			for range perThread {
				g, _ := counter.Lock()
				bump(g.Ptr())
				g.Unlock()
			}
		})
	}
	g, _ := counter.Lock()
	defer g.Unlock()
	return g.Get()
}
