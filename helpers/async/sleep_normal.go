//go:build !fearless_mutant_blocksleep

package async

// blockingSleep makes Sleep keep its worker, as thread.Sleep does; only
// the tag fearless_mutant_blocksleep sets it.
const blockingSleep = false
