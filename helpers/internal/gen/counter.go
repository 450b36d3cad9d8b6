package gen

import "sync/atomic"

// Counter is a generation; the zero value is generation 0. Read it with
// c.V.Load(): the field, not a method, because the load must stay cheap
// enough for a guard's check to be inlined into generic code (an atomic
// load is a plain load on amd64 and arm64).
type Counter struct{ V atomic.Uint64 }

// Load returns the current generation.
func (c *Counter) Load() uint64 { return c.V.Load() }
