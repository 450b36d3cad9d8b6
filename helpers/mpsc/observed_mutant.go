//go:build fearless_mutant_direct

package mpsc

// observed, built with the tag fearless_mutant_direct for fearless prove
// --mutants ("a channel replaced by direct calls"), is false: values still
// arrive, but no send or receive is recorded, exactly as if the answer had
// handed them over some other way (a shared slice, a direct call). An
// exercise that demands a channel must notice. Never use this tag
// otherwise.
const observed = false
