//go:build race && !fearless_mutant_nolock

package mutex

import "github.com/fearless-go/fearless/helpers/internal/gen"

// bump is gen.Counter.Bump: atomic under -race (see helpers/internal/gen).
func bump(c *gen.Counter) { c.V.Add(1) }
