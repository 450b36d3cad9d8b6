//go:build unix

package jupyter

import (
	"errors"
	"os/exec"
	"syscall"
)

// ownProcessGroup starts the kernel as the leader of a new process group, so
// a signal reaches it and the programs it runs, as with jupyter_client.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func interruptGroup(cmd *exec.Cmd) error {
	return signalGroup(cmd, syscall.SIGINT)
}

func killGroup(cmd *exec.Cmd) error {
	return signalGroup(cmd, syscall.SIGKILL)
}

func signalGroup(cmd *exec.Cmd, sig syscall.Signal) error {
	err := syscall.Kill(-cmd.Process.Pid, sig)
	if errors.Is(err, syscall.ESRCH) {
		return nil // already gone
	}
	return err
}
