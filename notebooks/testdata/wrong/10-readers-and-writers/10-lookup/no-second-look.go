// Wrong: after trading the read guard for the write guard, computes without looking again, so two threads that missed together both compute.
package main

func Lookup(cache *rwlock.RwLock[Prices], key string, compute func(string) int) int {
	list := cache.MustRead()
	price, ok := list.Get()[key]
	list.Unlock()
	if ok {
		return price
	}
	w := cache.MustWrite()
	defer w.Unlock()
	price = compute(key)
	w.Get()[key] = price
	return price
}
