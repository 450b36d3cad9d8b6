// Wrong: dodges the lock order with "back off and retry": holds from, TryLocks to, and on failure lets go, sleeps a moment and starts over — no global order, livelock-prone.
package main

import (
	"time"

	"github.com/fearless-go/fearless/helpers/thread"
)

func Transfer(from, to *Account, amount int) {
	if from == to {
		return
	}
	for {
		src := from.Balance.MustLock()
		dst, err := to.Balance.TryLock()
		if err != nil {
			src.Unlock()
			thread.Sleep(time.Millisecond)
			continue
		}
		*src.Ptr() -= amount
		*dst.Ptr() += amount
		dst.Unlock()
		src.Unlock()
		return
	}
}
