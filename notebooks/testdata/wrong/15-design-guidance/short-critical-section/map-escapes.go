// Wrong: looks up with no lock held (good), then takes the map out of the guard and unlocks before storing, "to keep the critical section short": the store races with the other threads'.
package main

func record(cache *mutex.Mutex[map[int]string], id int, lookup func(id int) string) {
	name := lookup(id)
	g := cache.MustLock()
	m := g.Get()
	g.Unlock()
	m[id] = name
}
