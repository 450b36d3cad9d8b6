package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync/atomic"
)

// busyCommand is the hidden subcommand that keeps cores busy for `fearless
// run --load`: a separate process, so the notebooks' kernels compete with it
// for the CPU as they would with any other program on a loaded machine.
const busyCommand = "__busy"

// startLoad starts a process that keeps n cores busy (n <= 0: every core)
// and returns the function that stops it and the process's id. The process spins until its
// standard input closes: when stop is called, and also when this process
// dies, however it dies, because the pipe's write end dies with it — the
// load never outlives the run.
func startLoad(n int) (stop func() error, pid int, err error) {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	self, err := os.Executable()
	if err != nil {
		return nil, 0, fmt.Errorf("--load: cannot find this program to start the load: %w", err)
	}
	cmd := exec.Command(self, busyCommand, fmt.Sprint(n))
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", n))
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, 0, err
	}
	if err := cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("--load: %w", err)
	}
	return func() error {
		in.Close()
		if err := cmd.Wait(); err != nil {
			return fmt.Errorf("--load: the load process: %w", err)
		}
		return nil
	}, cmd.Process.Pid, nil
}

// runBusy is the load process: n goroutines spinning until standard input
// closes.
func runBusy(args []string, stdin io.Reader) int {
	n := runtime.NumCPU()
	if len(args) > 0 {
		if _, err := fmt.Sscan(args[0], &n); err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "fearless %s: want a positive number of cores, got %q\n", busyCommand, args[0])
			return 2
		}
	}
	var done atomic.Bool
	for range n {
		go func() {
			x := uint64(1)
			for !done.Load() {
				for range 1 << 16 { // xorshift: pure CPU, nothing to optimise away
					x ^= x << 13
					x ^= x >> 7
					x ^= x << 17
				}
			}
			sink.Store(x)
		}()
	}
	io.Copy(io.Discard, stdin) // until the parent closes the pipe or dies
	done.Store(true)
	return 0
}

var sink atomic.Uint64
