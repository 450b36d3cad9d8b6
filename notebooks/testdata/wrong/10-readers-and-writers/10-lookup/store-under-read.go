// Wrong: fills the missing key through the read guard, as if a shared guard could write; two readers both compute.
package main

func Lookup(cache *rwlock.RwLock[Prices], key string, compute func(string) int) int {
	list := cache.MustRead()
	defer list.Unlock()
	if price, ok := list.Get()[key]; ok {
		return price
	}
	price := compute(key)
	list.Get()[key] = price
	return price
}
