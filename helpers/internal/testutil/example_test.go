package testutil_test

import (
	"fmt"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
)

// MustPanic returns the message of an expected panic.
func ExampleMustPanic() {
	t := &testing.T{}
	msg := testutil.MustPanic(t, func() { panic("guard used after Unlock") })
	fmt.Println(msg, t.Failed())
	// Output: guard used after Unlock false
}
