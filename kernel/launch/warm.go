package launch

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// WarmCache builds every package WarmPackages lists exactly as the kernel
// builds a cell that imports them: a module of its own in a Go workspace
// with the module CellsWorkspace writes, with the GOFLAGS the kernel gives
// gonb (cellFlags). The build cache (GOCACHE in env, else the go command's
// default) then holds the helpers and the charts compiled with the keys a
// learner's first cells look up, and those cells compile only themselves.
// A warm-up with the checkout itself in the workspace would not do: the
// helpers' compile keys differ when their module is a replaced dependency.
// With race, the packages are built with -race as well (cells with
// %goflags -race). goCmd is the go command ("go": the one on PATH).
func WarmCache(ctx context.Context, goCmd, root string, env []string, race bool) error {
	dir, err := os.MkdirTemp("", "fearless-warm-")
	if err != nil {
		return fmt.Errorf("warming the build cache: %w", err)
	}
	defer os.RemoveAll(dir)
	ws, err := CellsWorkspace(filepath.Join(dir, "workspace"), root, false)
	if err != nil {
		return fmt.Errorf("warming the build cache: %w", err)
	}
	cell := filepath.Join(dir, "cell")
	if err := os.Mkdir(cell, 0o755); err != nil {
		return fmt.Errorf("warming the build cache: %w", err)
	}
	var src strings.Builder
	src.WriteString("package main\n\nimport (\n")
	for _, p := range WarmPackages(root) {
		fmt.Fprintf(&src, "\t_ %q\n", p)
	}
	src.WriteString(")\n\nfunc main() {}\n")
	if err := os.WriteFile(filepath.Join(cell, "main.go"), []byte(src.String()), 0o644); err != nil {
		return fmt.Errorf("warming the build cache: %w", err)
	}
	var goflags string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOFLAGS="); ok {
			goflags = v
		}
	}
	env = append(append([]string{}, env...), "GOFLAGS="+cellFlags(goflags))
	steps := [][]string{{"mod", "init", "fearless.local/warmup"}, {"work", "init", ".", ws}, {"build", "-o", os.DevNull, "."}}
	if race {
		steps = append(steps, []string{"build", "-race", "-o", os.DevNull, "."})
	}
	for _, args := range steps {
		cmd := exec.CommandContext(ctx, goCmd, args...)
		cmd.Dir, cmd.Env = cell, env
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("warming the build cache: go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return nil
}
