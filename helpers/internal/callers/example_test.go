package callers_test

import (
	"fmt"
	"path/filepath"

	"github.com/fearless-go/fearless/helpers/internal/callers"
)

// Capture the caller's frames, then resolve them to the first line outside
// the helper packages — here, this example itself.
func Example() {
	site := callers.Resolve(callers.Capture())
	fmt.Println(filepath.Base(site.File), site.Func)
	// Output: example_test.go github.com/fearless-go/fearless/helpers/internal/callers_test.Example
}
