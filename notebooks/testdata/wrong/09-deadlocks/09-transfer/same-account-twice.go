// Wrong: the global order is right, but Transfer(a, a, x) locks the same mutex twice and waits for itself.
package main

func Transfer(from, to *Account, amount int) {
	first, second := from, to
	if to.ID < from.ID {
		first, second = to, from
	}
	g1 := first.Balance.MustLock()
	defer g1.Unlock()
	g2 := second.Balance.MustLock()
	defer g2.Unlock()
	if first == from {
		*g1.Ptr() -= amount
		*g2.Ptr() += amount
	} else {
		*g2.Ptr() -= amount
		*g1.Ptr() += amount
	}
}
