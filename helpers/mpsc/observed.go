//go:build !fearless_mutant_direct

package mpsc

// observed says whether sends and receives are recorded (when the recorder
// is on). Built with the tag fearless_mutant_direct, they are not.
const observed = true
