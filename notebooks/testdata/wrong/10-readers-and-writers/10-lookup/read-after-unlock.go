// Wrong: takes the map out of the read guard and unlocks at once "to keep the read short", then looks the key up with no lock held — a read that races with a writer's store.
package main

func Lookup(cache *rwlock.RwLock[Prices], key string, compute func(string) int) int {
	list := cache.MustRead()
	prices := list.Get()
	list.Unlock()
	if price, ok := prices[key]; ok {
		return price
	}
	w := cache.MustWrite()
	defer w.Unlock()
	if price, ok := w.Get()[key]; ok {
		return price
	}
	price := compute(key)
	w.Get()[key] = price
	return price
}
