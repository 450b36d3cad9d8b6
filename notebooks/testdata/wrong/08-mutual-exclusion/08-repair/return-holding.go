// Wrong: returns from the repair branch without unlocking, so the next Lock waits forever.
package main

func Balance(ledger *mutex.Mutex[Ledger]) int {
	g, err := ledger.Lock()
	if err != nil {
		total := 0
		for _, e := range g.Get().Entries {
			total += e
		}
		g.Ptr().Balance = total
		ledger.ClearPoison()
		return total
	}
	defer g.Unlock()
	return g.Get().Balance
}
