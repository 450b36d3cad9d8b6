//go:build race

package gen

import "sync/atomic"

// Counter is a generation. The zero value is generation 0.
type Counter struct{ v atomic.Uintptr }

// Load returns the current generation.
func (c *Counter) Load() uintptr { return c.v.Load() }

// Bump moves to the next generation. Only the lock's holder calls it.
func (c *Counter) Bump() { c.v.Add(1) }
