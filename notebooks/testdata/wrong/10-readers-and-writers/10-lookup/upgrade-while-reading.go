// Wrong: on a miss, asks for the write guard while still holding the read guard (an upgrade), which waits for itself.
package main

func Lookup(cache *rwlock.RwLock[Prices], key string, compute func(string) int) int {
	list := cache.MustRead()
	defer list.Unlock()
	if price, ok := list.Get()[key]; ok {
		return price
	}
	w := cache.MustWrite()
	defer w.Unlock()
	price := compute(key)
	w.Get()[key] = price
	return price
}
