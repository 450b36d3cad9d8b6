//go:build !race

package gen

// Counter is a generation. The zero value is generation 0.
type Counter struct{ v uintptr }

// Load returns the current generation.
func (c *Counter) Load() uintptr { return c.v }

// Bump moves to the next generation. Only the lock's holder calls it.
func (c *Counter) Bump() { c.v++ }
