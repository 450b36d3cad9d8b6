//go:build !fearless_mutant_nolock

package mutex

import "sync"

// lockImpl is the lock inside a Mutex. Built with the tag
// fearless_mutant_nolock (fearless prove --mutants), it does nothing.
type lockImpl = sync.Mutex
