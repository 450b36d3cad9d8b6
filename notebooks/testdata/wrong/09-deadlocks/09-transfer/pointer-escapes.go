// Wrong: takes each balance's pointer out of its guard and unlocks at once, "so nobody waits", then moves the money through the pointers with no lock held.
package main

func Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	g1 := from.Balance.MustLock()
	src := g1.Ptr()
	g1.Unlock()
	g2 := to.Balance.MustLock()
	dst := g2.Ptr()
	g2.Unlock()
	*src -= amount
	*dst += amount
}
