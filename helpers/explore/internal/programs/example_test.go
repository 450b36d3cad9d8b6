package programs_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/explore/internal/programs"
)

// The fixed philosophers pass every schedule within two preemptions.
func Example() {
	res := explore.Exhaustive(2).Run(programs.Philosophers(3, true))
	fmt.Println(res.OK(), res.Complete)
	// Output: true true
}
