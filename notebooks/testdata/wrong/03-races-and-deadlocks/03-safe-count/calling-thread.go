// Wrong: does every bump on the calling thread, under the lock: the count is right, but no thread ever ran.
package main

func SafeCount(threads, perThread int) int {
	counter := mutex.New(0, mutex.Name("counter"))
	for range threads * perThread {
		g, _ := counter.Lock()
		bump(g.Ptr())
		g.Unlock()
	}
	g, _ := counter.Lock()
	defer g.Unlock()
	return g.Get()
}
