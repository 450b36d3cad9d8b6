// Wrong: takes the guard with Lock but ignores the error, returning the half-updated balance.
package main

func Balance(ledger *mutex.Mutex[Ledger]) int {
	g, _ := ledger.Lock()
	defer g.Unlock()
	return g.Get().Balance
}
