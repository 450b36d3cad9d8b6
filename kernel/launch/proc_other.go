//go:build !linux

package launch

import "os/exec"

// dieWithParent does nothing where the OS has no parent-death signal: the
// real gopls then ends on its idle timeout.
func dieWithParent(*exec.Cmd) {}

// runInBackground starts cmd and returns at once; the error of cmd.Start,
// then that of cmd.Wait, go to started and done. Only Linux lowers its
// priority.
func runInBackground(cmd *exec.Cmd, started, done chan<- error) {
	go func() {
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		done <- cmd.Wait()
	}()
}
