package hook_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/hook"
)

// A helper's fast path reads the flag word once; the slow path asks which
// instrumentation is on.
func Example() {
	was := hook.Set(hook.Check, true)
	defer hook.Set(hook.Check, was)
	if hook.Flags.Load() != 0 {
		fmt.Println("recording:", hook.Recording(), "checking:", hook.Checking())
	}
	// Output: recording: false checking: true
}
