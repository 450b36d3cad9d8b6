package gen_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/internal/gen"
)

// A guard remembers the generation it was made in; after a release it no
// longer matches.
func Example() {
	var c gen.Counter
	guard := c.Load()
	fmt.Println(guard == c.Load())
	c.Bump() // Unlock
	fmt.Println(guard == c.Load())
	// Output:
	// true
	// false
}
