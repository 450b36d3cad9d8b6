// Wrong: recomputes the balance and sets it on the copy g.Get() returned, so the ledger keeps its wrong balance; only the return value is right.
package main

func Balance(ledger *mutex.Mutex[Ledger]) int {
	g, err := ledger.Lock()
	defer g.Unlock()
	l := g.Get()
	if err != nil {
		total := 0
		for _, e := range l.Entries {
			total += e
		}
		l.Balance = total
		ledger.ClearPoison()
	}
	return l.Balance
}
