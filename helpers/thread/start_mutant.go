//go:build fearless_mutant_inline

package thread

// start, built with the tag fearless_mutant_inline for fearless prove
// --mutants ("spawns run inline"), runs a new thread's body on the calling
// goroutine before Spawn returns: the program becomes sequential, and an
// exercise's checks must notice. Never use this tag otherwise.
func start(run func()) { run() }
