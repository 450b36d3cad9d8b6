// Wrong: takes the write guard for every lookup; correct answers, but cached lookups wait for every reader.
package main

func Lookup(cache *rwlock.RwLock[Prices], key string, compute func(string) int) int {
	w := cache.MustWrite()
	defer w.Unlock()
	if price, ok := w.Get()[key]; ok {
		return price
	}
	price := compute(key)
	w.Get()[key] = price
	return price
}
