package thread

import "github.com/fearless-go/fearless/helpers/own"

// Option configures a thread at Spawn or Go.
type Option func(*config)

type config struct {
	name  string
	scope *Scoped
	moves []own.Movable
}

// Name names the thread (Rust: thread::Builder::name). The name shows in
// Current, in panic messages, in deadlock reports and on timelines.
func Name(name string) Option {
	return func(c *config) { c.name = name }
}

// In spawns the thread into scope s: Scope joins it before it returns
// (Rust: Scope::spawn).
func In(s *Scoped) Option {
	return func(c *config) { c.scope = s }
}

// Move moves v into the new thread, as a Rust move closure does with the
// variables it captures: from Spawn on, the spawning goroutine can no longer
// use v (it panics with "use after move"), and the new thread can.
func Move(v own.Movable) Option {
	return func(c *config) { c.moves = append(c.moves, v) }
}
