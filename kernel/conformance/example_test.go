package conformance_test

import (
	"context"
	"fmt"
	"os"

	"github.com/fearless-go/fearless/kernel/conformance"
)

// Run Jupyter's conformance suite against the fearless kernel installed in
// the user's Jupyter data directory. (Not run by go test: it needs the venv
// and the kernel.)
func Example() {
	cmd := conformance.Command(context.Background(), ".venv/bin/python", "", "fearless")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Println("the kernel does not conform:", err)
	}
}
