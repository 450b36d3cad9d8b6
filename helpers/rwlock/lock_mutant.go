//go:build fearless_mutant_nolock

package rwlock

import "github.com/fearless-go/fearless/helpers/internal/gen"

// Built with the tag fearless_mutant_nolock, for fearless prove --mutants
// ("locks do nothing"): an RwLock excludes nobody. Never use this tag
// otherwise.
type lockImpl struct{}

func (lockImpl) Lock()          {}
func (lockImpl) Unlock()        {}
func (lockImpl) RLock()         {}
func (lockImpl) RUnlock()       {}
func (lockImpl) TryLock() bool  { return true }
func (lockImpl) TryRLock() bool { return true }

func bump(*gen.Counter) {}
