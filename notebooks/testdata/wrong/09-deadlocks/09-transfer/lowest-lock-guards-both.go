// Wrong: treats the lower id's lock as the lock of the whole transfer: holds it throughout, but lets go of the higher account's lock as soon as it has its balance's pointer, then changes that balance unlocked.
package main

func Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	first, second := from, to
	if to.ID < from.ID {
		first, second = to, from
	}
	g1 := first.Balance.MustLock() // the lower id orders everybody: this one is the transfer's lock
	defer g1.Unlock()
	g2 := second.Balance.MustLock()
	other := g2.Ptr()
	g2.Unlock() // only needed it to reach the balance
	if first == from {
		*g1.Ptr() -= amount
		*other += amount
	} else {
		*other -= amount
		*g1.Ptr() += amount
	}
}
