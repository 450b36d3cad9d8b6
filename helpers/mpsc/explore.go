package mpsc

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// The schedule explorer (helpers/explore) sees every channel operation as a
// scheduling point. A send or receive that must wait does not block in Go
// while the explorer runs: the thread waits for its turn until another
// thread changes the channel, then looks again.

// point is a scheduling point before an operation on c.
func (c *channel[T]) point() {
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Point(c.id, engine.OpAccess, 0)
	}
}

// changed tells waiting threads that c changed.
func (c *channel[T]) changed() {
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Wake(c.id)
	}
}

// await, under the explorer, lets other threads run until ready reports
// true (a token or a signal is there), so the Go wait that follows does not
// block.
func (c *channel[T]) await(ready func() bool) {
	if hook.Flags.Load()&hook.Explore != 0 {
		for !ready() {
			engine.Point(c.id, engine.OpWait, 0)
		}
	}
}
