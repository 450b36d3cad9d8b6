package engine

import "github.com/petermattis/goid"

// Unwind releases, on behalf of the calling goroutine, the locks it holds
// exclusively, and poisons them, as unwinding a panic drops a Rust thread's
// guards. A helper calls it just before it panics with a deadlock report that
// it cannot raise until other goroutines have gone on — thread.Scope, which
// must not return while its threads run, releases what its caller holds so
// that they can finish. The guards' own Unlocks, when the panic reaches them,
// do nothing. Read locks cannot be released for a goroutine that still runs
// (its read guard would release again): Unwind leaves them and reports
// stuck, and the caller must not count on the others going on.
func Unwind() (stuck bool) {
	g := goid.Get()
	state.Lock()
	hs := append([]held(nil), state.heldBy[g]...)
	var fns []func(int64, bool)
	var lost []uint64
	for i := len(hs) - 1; i >= 0; i-- {
		ls := state.locks[hs[i].lock]
		if ls == nil || ls.abandon == nil || hs[i].mode != Exclusive {
			stuck = true
			continue
		}
		fns = append(fns, ls.abandon)
		lost = append(lost, hs[i].lock)
		release(g, hs[i].lock)
	}
	state.Unlock()
	for _, f := range fns {
		f(g, true)
	}
	if Exploring() {
		for _, lock := range lost {
			scheduler.Released(lock)
		}
	}
	return stuck
}
