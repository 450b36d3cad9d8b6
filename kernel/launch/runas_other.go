//go:build !linux

package launch

import "fmt"

// RunAs runs prog as the user RunAsEnv names; only on Linux (elsewhere
// fearless grade never asks for it).
func RunAs(prog string, args []string) error {
	return fmt.Errorf("%s: running a program as another user needs Linux", RunAsCommand)
}
