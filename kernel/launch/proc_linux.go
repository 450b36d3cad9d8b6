//go:build linux

package launch

import (
	"os/exec"
	"syscall"
)

// dieWithParent asks Linux to kill the real gopls when the shim in front of
// it dies (gonb stops gopls by killing the process it started: the shim).
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
