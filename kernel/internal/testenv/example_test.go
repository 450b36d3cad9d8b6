package testenv_test

import (
	"fmt"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// Kernels started by integration tests get this environment: no module
// proxy, and a GOFLAGS that would break a Go workspace if the launcher did
// not clean it.
func ExampleOffline() {
	fmt.Println(testenv.Offline)
	// Output: [GOPROXY=off GOFLAGS=-mod=mod]
}
