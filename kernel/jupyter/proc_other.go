//go:build !unix

package jupyter

import (
	"os"
	"os/exec"
)

func ownProcessGroup(cmd *exec.Cmd) {}

func interruptGroup(cmd *exec.Cmd) error { return cmd.Process.Signal(os.Interrupt) }

func killGroup(cmd *exec.Cmd) error { return cmd.Process.Kill() }
