package rwlock

import "sync/atomic"

// readerCount counts the read guards that are out (low 32 bits) and numbers
// the read sessions (high 32 bits): the session moves on each time the count
// drops to zero. A read guard remembers its session, so a guard from an
// ended session is caught, and the count never lets more read unlocks reach
// sync.RWMutex than there were read locks. (After 2^32 sessions the number
// wraps; a guard stale for exactly that long would pass.)
type readerCount struct{ w atomic.Uint64 }

// enter counts a new read guard and returns its session.
func (c *readerCount) enter() (session uint32) { return uint32(c.w.Add(1) >> 32) }

// current reports whether session is the one in progress.
func (c *readerCount) current(session uint32) bool {
	w := c.w.Load()
	return uint32(w>>32) == session && uint32(w) != 0
}

// leave uncounts a read guard of session. It reports false, changing
// nothing, if that session has ended.
func (c *readerCount) leave(session uint32) bool {
	for {
		w := c.w.Load()
		if uint32(w>>32) != session || uint32(w) == 0 {
			return false
		}
		if c.w.CompareAndSwap(w, drop(w)) {
			return true
		}
	}
}

// leaveAny uncounts one read guard of whatever session is in progress, for
// a reader that died holding its guard.
func (c *readerCount) leaveAny() bool {
	for {
		w := c.w.Load()
		if uint32(w) == 0 {
			return false
		}
		if c.w.CompareAndSwap(w, drop(w)) {
			return true
		}
	}
}

// drop is w with one reader fewer, ending the session at zero.
func drop(w uint64) uint64 {
	w--
	if uint32(w) == 0 {
		w += 1 << 32
	}
	return w
}
