// Wrong: avoids the deadlock by never holding two locks, so the money is in neither account for a moment.
package main

func Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	src := from.Balance.MustLock()
	*src.Ptr() -= amount
	src.Unlock()
	dst := to.Balance.MustLock()
	*dst.Ptr() += amount
	dst.Unlock()
}
