//go:build fearless_mutant_blocksleep

package async

// blockingSleep, built with the tag fearless_mutant_blocksleep for
// fearless prove --mutants ("async.Sleep replaced by thread.Sleep"), makes
// Sleep block its worker: with one worker, the tasks' waits run one after
// another, and an exercise that demands overlapping waits must notice.
// Never use this tag otherwise.
const blockingSleep = true
