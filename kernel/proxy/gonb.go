package proxy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/launch"
)

// StartTimeout is how long gonb may take to listen on its sockets.
const StartTimeout = 60 * time.Second

// RunGonb is the kernel Jupyter starts: it starts gonb on a connection file of
// its own, with the cells file (FEARLESS_CELLS) and the offline module
// settings in its environment, and stands in front of it as a protocol
// proxy on the connection file Jupyter gave (see package proxy). It returns
// when gonb exits, with an error when gonb failed; SIGINT and SIGTERM are
// passed on to gonb.
func RunGonb(c launch.Config) error {
	front, err := jupyter.ReadConnectionFile(c.ConnectionFile)
	if err != nil {
		return fmt.Errorf("fearless kernel: %w", err)
	}
	runDir, err := os.MkdirTemp(runtimeDir(), "fearless-kernel-")
	if err != nil {
		return fmt.Errorf("fearless kernel: %w", err)
	}
	defer os.RemoveAll(runDir)
	// A headless run (fearless run and grade ask for raw errors) never asks
	// for a completion: gopls then has nothing to load while cells build.
	warm := os.Getenv(launch.RawErrorEnv) != "1"
	if ws, err := launch.CellsWorkspace(filepath.Join(runDir, "cells"), c.Root, warm); err == nil {
		c.Workspace = ws
	} else {
		fmt.Fprintf(os.Stderr, "fearless kernel: %v (gonb's workspace is the whole checkout)\n", err)
	}
	path, argv, env := c.Command(os.Environ())
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("fearless kernel: gonb is missing (%w); run `fearless install` again", err)
	}

	// gonb listens on fresh loopback ports with the same key, so messages
	// pass through without being signed again. The file keeps Jupyter's
	// name: gonb reads the kernel id from "kernel-<id>.json".
	back, err := jupyter.NewConnectionInfo()
	if err != nil {
		return fmt.Errorf("fearless kernel: %w", err)
	}
	back.Key, back.SignatureScheme, back.KernelName = front.Key, front.SignatureScheme, front.KernelName
	backFile := filepath.Join(runDir, filepath.Base(c.ConnectionFile))
	if err := back.WriteFile(backFile); err != nil {
		return fmt.Errorf("fearless kernel: %w", err)
	}
	for i, a := range argv {
		if a == c.ConnectionFile {
			argv[i] = backFile
		}
	}
	cells, completions := filepath.Join(runDir, "cells.json"), filepath.Join(runDir, "completions.json")
	env = append(env, CellsEnv+"="+cells, launch.CompletionsEnv+"="+completions)
	env = launch.OfflineEnv(env, goCommand(c), c.Root)

	cmd := exec.Command(path, argv[1:]...)
	cmd.Env = env
	logs := launch.NewLogFilter(os.Stderr) // without gonb's start-up samples
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, logs
	dieWithParent(cmd)
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("fearless kernel: starting gonb: %w", err)
	}
	exited := make(chan error, 1)
	go func() {
		err := cmd.Wait()
		_ = logs.Close()
		exited <- err
	}()

	ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
	defer cancel()
	go func() {
		select {
		case <-ctx.Done():
		case err := <-exited:
			exited <- err // for the wait below
			cancel()
		}
	}()
	verbosity, _ := strconv.Atoi(os.Getenv(launch.VerbosityEnv))
	dir, _ := os.Getwd() // gonb's too: it is started without a directory of its own
	p, err := Start(ctx, Options{Front: front, Back: back, CellsFile: cells, CompletionsFile: completions,
		Log: os.Stderr, Verbosity: verbosity, CellScope: &CellScope{Env: env, Dir: dir}})
	if err != nil {
		_ = cmd.Process.Kill()
		if werr := <-exited; werr != nil {
			return fmt.Errorf("fearless kernel: gonb ended while starting (%v): %w", werr, err)
		}
		return fmt.Errorf("fearless kernel: %w", err)
	}
	defer p.Close()
	for {
		select {
		case sig := <-sigs:
			if sig != os.Interrupt {
				sig = syscall.SIGTERM
			}
			_ = cmd.Process.Signal(sig)
		case err := <-exited:
			var exit *exec.ExitError
			if errors.As(err, &exit) && exit.ExitCode() > 0 {
				return fmt.Errorf("fearless kernel: gonb exited with status %d", exit.ExitCode())
			}
			return nil
		}
	}
}

// goCommand is the go command cells are built with.
func goCommand(c launch.Config) string {
	if c.GoRoot != "" {
		return filepath.Join(c.GoRoot, "bin", "go")
	}
	return "go"
}

// runtimeDir is where the kernel keeps gonb's connection file and the cells
// file: a memory file system when there is one ($XDG_RUNTIME_DIR, /dev/shm),
// where rewriting the cells file after every cell costs tens of
// microseconds instead of a disk's milliseconds; else the temporary directory.
func runtimeDir() string {
	for _, dir := range []string{os.Getenv("XDG_RUNTIME_DIR"), "/dev/shm"} {
		if dir == "" {
			continue
		}
		if probe, err := os.MkdirTemp(dir, ".fearless-probe-"); err == nil {
			os.Remove(probe)
			return dir
		}
	}
	return os.TempDir()
}
