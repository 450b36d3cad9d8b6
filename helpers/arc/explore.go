package arc

import (
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// point is a scheduling point of the schedule explorer (helpers/explore)
// before a change of the strong count: the explorer tries the orders in
// which threads clone and drop, such as which Drop is the last one.
func (in *inner[T]) point() {
	if hook.Flags.Load()&hook.Explore != 0 {
		engine.Point(in.id, engine.OpAccess, 0)
	}
}
