package jupyter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/kernel/kernelspec"
)

// StartOptions tunes how Start launches a kernel. The zero value is fine.
type StartOptions struct {
	Dir            string        // working directory of the kernel (default: the current one)
	Env            []string      // extra KEY=VALUE pairs, applied after the kernelspec's env
	Output         io.Writer     // receives the kernel's own stdout and stderr (its log)
	StartupTimeout time.Duration // how long the kernel may take to answer (default 60s)
	Client         []Option      // options for the client connection
}

// Kernel is a kernel process started from a kernelspec, with a client
// connected to it. Shutdown must be called to stop it and free its files.
type Kernel struct {
	spec    *kernelspec.Spec
	conn    ConnectionInfo
	cmd     *exec.Cmd
	client  *Client
	info    *KernelInfo
	runDir  string
	log     *tail
	exited  chan struct{}
	waitErr error

	stopOnce sync.Once
	stopErr  error
}

// Start launches the kernel described by spec, connects to it and waits
// until it answers kernel_info on shell and iopub. If the process exits or
// stays silent for the startup timeout, Start fails with the tail of the
// kernel's log in the error.
//
// The ports of a connection file are picked free and handed to the kernel,
// which binds them a moment later; another process may take one in between
// (several kernels starting at once, as in a class being graded). A kernel
// that dies of that ("address already in use") is started again on new
// ports, up to startAttempts times.
func Start(ctx context.Context, spec *kernelspec.Spec, opts StartOptions) (*Kernel, error) {
	for attempt := 1; ; attempt++ {
		k, err := start(ctx, spec, opts)
		if err == nil || attempt == startAttempts || ctx.Err() != nil || !strings.Contains(err.Error(), "address already in use") {
			return k, err
		}
	}
}

// startAttempts bounds how often Start tries a kernel whose port was taken.
const startAttempts = 3

func start(ctx context.Context, spec *kernelspec.Spec, opts StartOptions) (*Kernel, error) {
	info, err := NewConnectionInfo()
	if err != nil {
		return nil, err
	}
	info.KernelName = spec.Name
	runDir, err := os.MkdirTemp("", "fearless-kernel-")
	if err != nil {
		return nil, fmt.Errorf("jupyter: %w", err)
	}
	// gonb reads the kernel id from a "kernel-<id>.json" name, as Jupyter writes it.
	connFile := filepath.Join(runDir, "kernel-"+newID()+".json")
	if err := info.WriteFile(connFile); err != nil {
		os.RemoveAll(runDir)
		return nil, err
	}
	argv := expandArgv(spec, connFile)
	k := &Kernel{spec: spec, conn: info, runDir: runDir, log: newTail(64 << 10), exited: make(chan struct{})}
	k.cmd = exec.Command(argv[0], argv[1:]...)
	k.cmd.Dir = opts.Dir
	k.cmd.Env = append(spec.Environ(os.Environ()), opts.Env...)
	var out io.Writer = k.log
	if opts.Output != nil {
		out = io.MultiWriter(k.log, opts.Output)
	}
	k.cmd.Stdout, k.cmd.Stderr = out, out
	k.cmd.WaitDelay = 2 * time.Second // children holding the log pipe must not block Wait
	ownProcessGroup(k.cmd)
	if err := k.cmd.Start(); err != nil {
		os.RemoveAll(runDir)
		return nil, fmt.Errorf("jupyter: starting kernel %q: %w", spec.Name, err)
	}
	go func() {
		k.waitErr = k.cmd.Wait()
		close(k.exited)
	}()

	timeout := opts.StartupTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	ready, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	stopWatch := make(chan struct{})
	defer close(stopWatch)
	go func() {
		select {
		case <-k.exited:
			cancel()
		case <-stopWatch:
		}
	}()
	k.client, err = Dial(ready, info, opts.Client...)
	if err == nil {
		k.info, err = k.client.WaitReady(ready)
	}
	if err != nil {
		died := false
		select {
		case <-k.exited:
			died = true
		default:
		}
		_ = k.Kill()
		<-k.exited
		if k.client != nil {
			_ = k.client.Close()
		}
		if died {
			err = fmt.Errorf("jupyter: kernel %q exited while starting (%v); its log:\n%s", spec.Name, k.waitErr, k.Log())
		} else {
			err = fmt.Errorf("jupyter: kernel %q did not become ready in %s: %w; its log:\n%s", spec.Name, timeout, err, k.Log())
		}
		os.RemoveAll(runDir)
		return nil, err
	}
	return k, nil
}

// expandArgv substitutes {connection_file} and {resource_dir} in the argv.
func expandArgv(spec *kernelspec.Spec, connFile string) []string {
	r := strings.NewReplacer("{connection_file}", connFile, "{resource_dir}", spec.Dir)
	argv := make([]string, len(spec.Argv))
	for i, a := range spec.Argv {
		argv[i] = r.Replace(a)
	}
	return argv
}

// Client returns the connection to the kernel.
func (k *Kernel) Client() *Client { return k.client }

// Connection returns the kernel's connection info (ports and signing key).
func (k *Kernel) Connection() ConnectionInfo { return k.conn }

// Spec returns the kernelspec the kernel was started from.
func (k *Kernel) Spec() *kernelspec.Spec { return k.spec }

// Info returns the kernel_info_reply received at start-up.
func (k *Kernel) Info() *KernelInfo { return k.info }

// Pid returns the kernel's process id.
func (k *Kernel) Pid() int { return k.cmd.Process.Pid }

// Exited is closed when the kernel process has exited.
func (k *Kernel) Exited() <-chan struct{} { return k.exited }

// ExitErr returns how the process ended, once Exited is closed.
func (k *Kernel) ExitErr() error {
	select {
	case <-k.exited:
		return k.waitErr
	default:
		return nil
	}
}

// Log returns the last 64 KiB the kernel wrote to its stdout and stderr.
func (k *Kernel) Log() string { return k.log.String() }

// ErrExited is returned when a kernel is asked to do something after its
// process has ended.
var ErrExited = errors.New("jupyter: kernel process has exited")

// Interrupt interrupts the code the kernel is running, the way its
// kernelspec asks: an interrupt_request on control when interrupt_mode is
// "message", SIGINT to the kernel's process group otherwise.
func (k *Kernel) Interrupt(ctx context.Context) error {
	select {
	case <-k.exited:
		return ErrExited
	default:
	}
	if k.spec.InterruptsByMessage() {
		return k.client.InterruptRequest(ctx)
	}
	return interruptGroup(k.cmd)
}

// Kill ends the kernel and everything in its process group at once.
func (k *Kernel) Kill() error {
	return killGroup(k.cmd)
}

// Shutdown asks the kernel to exit (shutdown_request on control), waits up to
// 5 seconds for it, then kills what is left of its process group, closes the
// client and removes the connection file. It is safe to call more than once.
func (k *Kernel) Shutdown(ctx context.Context) error {
	k.stopOnce.Do(func() {
		select {
		case <-k.exited:
		default:
			polite, cancel := context.WithTimeout(ctx, 5*time.Second)
			if err := k.client.ShutdownRequest(polite, false); err == nil {
				select {
				case <-k.exited:
				case <-polite.Done():
				}
			}
			cancel()
		}
		_ = killGroup(k.cmd) // stragglers: cell programs, language servers
		<-k.exited
		_ = k.client.Close()
		k.stopErr = os.RemoveAll(k.runDir)
	})
	return k.stopErr
}
