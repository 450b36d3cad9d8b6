// Package conformance runs Jupyter's own kernel conformance suite,
// jupyter_kernel_test from PyPI, against the installed fearless kernel, so
// the kernel is checked by the tool Jupyter uses rather than by our client.
//
// The suite (Suite, also the file test_fearless_kernel.py beside this one)
// sets every attribute the kernel can satisfy: hello world, stderr,
// display_data, completion and inspection (gopls), errors (with plain-text
// errors), and what the fearless protocol layer in front of gonb adds
// (package proxy): is_complete, history (tail, range and search) and
// execute_result. Every test has a deadline, so nothing hangs.
package conformance

import (
	"context"
	_ "embed"
	"os"
	"os/exec"
)

// Suite is the Python source of the conformance suite.
//
//go:embed test_fearless_kernel.py
var Suite string

// Command returns the command that runs Suite with python (a Python with
// jupyter_kernel_test installed) against the kernelspec named kernel. When
// dataDir is not empty it becomes JUPYTER_DATA_DIR, so the kernel is found
// there. The command inherits the current environment (GOPROXY=off proves
// the kernel works offline).
func Command(ctx context.Context, python, dataDir, kernel string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, python, "-c", Suite)
	cmd.Env = append(os.Environ(), "FEARLESS_KERNEL_NAME="+kernel)
	if dataDir != "" {
		cmd.Env = append(cmd.Env, "JUPYTER_DATA_DIR="+dataDir)
	}
	return cmd
}
