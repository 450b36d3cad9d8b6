// Wrong: on poison returns the recomputed sum but never stores it back, so the next reader still sees the half-updated balance.
package main

func Balance(ledger *mutex.Mutex[Ledger]) int {
	g, err := ledger.Lock()
	defer g.Unlock()
	if err != nil {
		ledger.ClearPoison()
		total := 0
		for _, e := range g.Get().Entries {
			total += e
		}
		return total
	}
	return g.Get().Balance
}
