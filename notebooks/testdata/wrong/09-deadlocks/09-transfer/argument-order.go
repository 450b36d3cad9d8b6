// Wrong: locks from, then to, in the order the arguments came: two opposite transfers can deadlock.
package main

func Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	src := from.Balance.MustLock()
	defer src.Unlock()
	dst := to.Balance.MustLock()
	defer dst.Unlock()
	*src.Ptr() -= amount
	*dst.Ptr() += amount
}
