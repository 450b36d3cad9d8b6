//go:build linux

package proxy

import (
	"os/exec"
	"syscall"
)

// dieWithParent asks Linux to stop gonb (SIGTERM, which it handles by
// shutting down) if the launcher dies without passing a signal on.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
