//go:build race

package gen

// Bump moves to the next generation. Only the lock's holder calls it. Built
// with -race it is atomic, so that checking a stale guard is not a race.
func (c *Counter) Bump() { c.V.Add(1) }
