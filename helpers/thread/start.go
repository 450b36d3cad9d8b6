//go:build !fearless_mutant_inline

package thread

// start runs a new thread's body on a goroutine of its own. Built with the
// tag fearless_mutant_inline (fearless prove --mutants), it runs it inline.
func start(run func()) { go run() }
