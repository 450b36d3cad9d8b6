// Wrong: takes the second lock with TryLock and silently skips the transfer when it is busy.
package main

func Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	src := from.Balance.MustLock()
	defer src.Unlock()
	dst, err := to.Balance.TryLock()
	if err != nil {
		return // busy: try again later (nobody does)
	}
	defer dst.Unlock()
	*src.Ptr() -= amount
	*dst.Ptr() += amount
}
