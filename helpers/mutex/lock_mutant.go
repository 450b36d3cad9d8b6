//go:build fearless_mutant_nolock

package mutex

import "github.com/fearless-go/fearless/helpers/internal/gen"

// Built with the tag fearless_mutant_nolock, for fearless prove --mutants
// ("locks do nothing"): a Mutex excludes nobody, and Unlock orders nothing
// (the generation is not bumped), so the race detector and the schedule
// explorer see exactly what an answer without a lock would do. Never use
// this tag otherwise.
type lockImpl struct{}

func (lockImpl) Lock()         {}
func (lockImpl) Unlock()       {}
func (lockImpl) TryLock() bool { return true }

func bump(*gen.Counter) {}
