// Package hook holds the one word every helper reads on its fast path: whether
// the recorder or the run-time checks are on. Keeping it in one place makes the
// "everything off" path of a helper a single atomic load.
package hook

import "sync/atomic"

// Bits of Flags.
const (
	Record  uint32 = 1 << iota // helpers/trace is recording events
	Check                      // helpers/deadlock checks lock order and waits
	Explore                    // helpers/explore controls the schedule (set together with Check)
)

// Flags holds the bits above. Fast paths read it directly
// (hook.Flags.Load() != 0): the load is an intrinsic, so it stays inline even
// inside generic code, where a call to Active may not be inlined.
var Flags atomic.Uint32

// Active reports whether any instrumentation is on.
func Active() bool { return Flags.Load() != 0 }

// Recording reports whether events are being recorded.
func Recording() bool { return Flags.Load()&Record != 0 }

// Checking reports whether the deadlock checks are on.
func Checking() bool { return Flags.Load()&Check != 0 }

// Set turns the bits in b on or off and returns whether they were all on before.
func Set(b uint32, on bool) (was bool) {
	for {
		old := Flags.Load()
		next := old &^ b
		if on {
			next = old | b
		}
		if Flags.CompareAndSwap(old, next) {
			return old&b == b
		}
	}
}
