//go:build linux

package launch

import (
	"os/exec"
	"runtime"
	"syscall"
)

// dieWithParent asks Linux to kill the real gopls when the shim in front of
// it dies (gonb stops gopls by killing the process it started: the shim).
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// runInBackground starts cmd GoplsNice steps nicer than the kernel runs,
// and returns at once; the error of cmd.Start, then that of cmd.Wait, go to
// started and done.
//
// Linux keeps the nice value per thread and a child takes its forking
// thread's, so the start happens on a thread of its own, niced; that
// thread stays locked to its goroutine until the child exits, because
// Pdeathsig fires when the forking thread ends, not the process.
func runInBackground(cmd *exec.Cmd, started, done chan<- error) {
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
		tid := syscall.Gettid()
		// Relative to what the kernel was started at; the raw syscall
		// answers 20 - nice.
		if raw, err := syscall.Getpriority(syscall.PRIO_PROCESS, tid); err == nil {
			_ = syscall.Setpriority(syscall.PRIO_PROCESS, tid, min(20-raw+GoplsNice, 19))
		}
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		done <- cmd.Wait()
	}()
}
