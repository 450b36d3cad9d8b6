package engine_test

import (
	"errors"
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/engine"
)

// A primitive reports its waits and acquisitions; waiting for a lock the
// goroutine already holds is a cycle of one.
func Example() {
	defer engine.Enable(engine.Enable(true))
	const lock = 1<<8 | 2 // any id; helpers use trace ids
	engine.Acquired(lock, engine.Exclusive, true, nil)
	defer engine.Released(lock)
	func() {
		defer func() {
			var e *engine.Error
			fmt.Println(errors.As(recover().(error), &e), len(e.Cycle))
		}()
		engine.BeforeWait(lock, engine.Exclusive)
	}()
	// Output: true 1
}
