//go:build !linux

package proxy

import "os/exec"

// dieWithParent does nothing where the OS has no parent-death signal.
func dieWithParent(*exec.Cmd) {}
