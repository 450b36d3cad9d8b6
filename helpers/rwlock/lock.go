//go:build !fearless_mutant_nolock

package rwlock

import "sync"

// lockImpl is the lock inside an RwLock. Built with the tag
// fearless_mutant_nolock (fearless prove --mutants), it does nothing.
type lockImpl = sync.RWMutex
