//go:build unix

package launch

import (
	"fmt"
	"syscall"
)

// run execs gonb in place of the launcher, so Jupyter's process (and its
// signals and process group) is gonb itself.
func run(path string, argv, env []string) error {
	if err := syscall.Exec(path, argv, env); err != nil {
		return fmt.Errorf("fearless kernel: starting gonb: %w", err)
	}
	return nil // not reached
}
