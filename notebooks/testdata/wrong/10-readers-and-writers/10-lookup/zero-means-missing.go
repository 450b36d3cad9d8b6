// Wrong: tests for a missing key with "price != 0" instead of the map's ok, so a key whose price is 0 (an empty name here) is computed again on every lookup — compute runs more than once per key.
package main

func Lookup(cache *rwlock.RwLock[Prices], key string, compute func(string) int) int {
	list := cache.MustRead()
	price := list.Get()[key]
	list.Unlock()
	if price != 0 {
		return price
	}
	w := cache.MustWrite()
	defer w.Unlock()
	if price := w.Get()[key]; price != 0 { // someone filled it while we waited
		return price
	}
	price = compute(key)
	w.Get()[key] = price
	return price
}
