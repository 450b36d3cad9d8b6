//go:build !linux

package launch

import "os/exec"

// dieWithParent does nothing where the OS has no parent-death signal: the
// real gopls then ends on its idle timeout.
func dieWithParent(*exec.Cmd) {}
