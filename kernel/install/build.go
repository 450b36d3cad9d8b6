package install

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
)

// BuildDir is where Install builds the tools: inside the checkout, under the
// gitignored build/ directory, so go build can skip up-to-date binaries.
func BuildDir(root string) string { return filepath.Join(root, "build", "kernel", "bin") }

// build compiles every Tool into BuildDir with one go build. The caller
// holds lockBuild, so parallel installs (e.g. test binaries) neither write
// nor copy half-written files.
func build(ctx context.Context, goCmd, root string) error {
	dir := BuildDir(root)
	args := []string{"build", "-o", dir + string(filepath.Separator)}
	for _, t := range Tools {
		if t.Name != "gonb" {
			args = append(args, t.Package)
		}
	}
	if _, err := goRun(ctx, goCmd, root, args...); err != nil {
		return err
	}
	// gonb, patched (see gonbPatch), in a workspace that replaces it.
	work, err := patchedGonb(ctx, goCmd, root, filepath.Join(filepath.Dir(dir), "src"))
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, goCmd, "build", "-o", filepath.Join(dir, "gonb"), "github.com/janpfeifer/gonb")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK="+work, "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("install: building the patched gonb: %w\n%s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// lockBuild takes the build directory's lock, creating the directory.
func lockBuild(root string) (unlock func(), err error) {
	dir := BuildDir(root)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("install: %w", err)
	}
	return lock(filepath.Join(filepath.Dir(dir), ".lock"))
}

// goRun runs the go command in the module root, ignoring any go.work above
// it, and returns its standard output.
func goRun(ctx context.Context, goCmd, root string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = root
	// The checkout's go.mod is the source of truth: -mod=readonly makes
	// sure no GOFLAGS of the user's can rewrite it.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("install: %s %s: %w\n%s", goCmd, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(stdout.String()), nil
}

// pinnedVersions returns the versions go.mod selects for the tools' modules.
func pinnedVersions(ctx context.Context, goCmd, root string) (map[string]string, error) {
	args := []string{"list", "-m", "-f", "{{.Path}} {{.Version}}"}
	for _, t := range Tools {
		if t.Module != "" {
			args = append(args, t.Module)
		}
	}
	out, err := goRun(ctx, goCmd, root, args...)
	if err != nil {
		return nil, err
	}
	v := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if p, ver, ok := strings.Cut(line, " "); ok {
			v[p] = ver
		}
	}
	return v, nil
}

// copyFile copies src to dst through a temporary file and a rename, so a
// kernel running the old dst keeps its binary intact.
func copyFile(dst, src string, mode os.FileMode) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("install: %w", err)
	}
	if err := atomicfile.Write(dst, data, mode); err != nil {
		return fmt.Errorf("install: %w", err)
	}
	return nil
}
