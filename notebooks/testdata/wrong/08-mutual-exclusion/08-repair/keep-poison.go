// Wrong: repairs the balance but never calls ClearPoison, so every later Lock still reports poison.
package main

func Balance(ledger *mutex.Mutex[Ledger]) int {
	g, err := ledger.Lock()
	defer g.Unlock()
	if err != nil {
		total := 0
		for _, e := range g.Get().Entries {
			total += e
		}
		g.Ptr().Balance = total
	}
	return g.Get().Balance
}
