// Wrong: uses MustLock as everywhere else; on a poisoned mutex it panics instead of repairing.
package main

func Balance(ledger *mutex.Mutex[Ledger]) int {
	g := ledger.MustLock()
	defer g.Unlock()
	return g.Get().Balance
}
