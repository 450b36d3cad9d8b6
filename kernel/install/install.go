package install

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/launch"
)

// The kernelspec this package installs.
const (
	KernelName  = "fearless"
	DisplayName = "Go (Fearless)"
)

//go:embed logo.svg
var logoSVG []byte

// Options says where to install from and to. The zero value installs from
// the checkout containing the current directory into the user's Jupyter
// data directory ($JUPYTER_DATA_DIR respected).
type Options struct {
	Root       string    // module root (default: FindRoot of the current directory)
	KernelsDir string    // kernels/ directory to install into (default: kernelspec.UserKernelsDir())
	Name       string    // kernelspec name (default KernelName)
	GoCmd      string    // go command (default "go")
	Log        io.Writer // progress lines (default: discarded)
}

func (o Options) withDefaults() (Options, error) {
	if o.Root == "" {
		root, err := FindRoot(".")
		if err != nil {
			return o, err
		}
		o.Root = root
	}
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return o, err
	}
	o.Root = root
	if !IsRoot(o.Root) {
		return o, fmt.Errorf("install: %s has no go.mod for %s", o.Root, ModulePath)
	}
	if o.KernelsDir == "" {
		o.KernelsDir = kernelspec.UserKernelsDir()
	}
	if o.KernelsDir, err = filepath.Abs(o.KernelsDir); err != nil {
		return o, err
	}
	if o.Name == "" {
		o.Name = KernelName
	}
	if o.GoCmd == "" {
		o.GoCmd = "go"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	return o, nil
}

// Result describes an installed kernel.
type Result struct {
	Spec     *kernelspec.Spec  // the written kernelspec; Spec.Dir is its directory
	Versions map[string]string // pinned module versions of the built tools
}

// Install builds the tools and writes the kernelspec. It can be run again at
// any time; the result is the same files.
func Install(ctx context.Context, opts Options) (*Result, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	versions, err := pinnedVersions(ctx, opts.GoCmd, opts.Root)
	if err != nil {
		return nil, err
	}
	goroot, err := goRun(ctx, opts.GoCmd, opts.Root, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(opts.Log, "building gonb %s, goimports and gopls %s (pinned in go.mod) and the fearless launcher\n",
		versions["github.com/janpfeifer/gonb"], versions["golang.org/x/tools/gopls"])
	dir := filepath.Join(opts.KernelsDir, opts.Name)
	if err := buildInto(ctx, opts, filepath.Join(dir, "bin")); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "logo-svg.svg"), logoSVG, 0o644); err != nil {
		return nil, fmt.Errorf("install: %w", err)
	}
	for _, size := range LogoSizes {
		img, err := LogoPNG(size)
		if err != nil {
			return nil, fmt.Errorf("install: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size)), img, 0o644); err != nil {
			return nil, fmt.Errorf("install: %w", err)
		}
	}
	bin := filepath.Join(dir, "bin")
	spec := &kernelspec.Spec{
		Name: opts.Name,
		Dir:  dir,
		Argv: []string{
			filepath.Join(bin, "fearless"), "kernel",
			"--root", opts.Root,
			"--goroot", goroot,
			"--connection-file", "{connection_file}",
		},
		DisplayName:   DisplayName,
		Language:      "go",
		InterruptMode: "message", // gonb handles interrupt_request; SIGINT would reach gonb itself
		Metadata: map[string]any{"fearless": map[string]any{
			"root":     opts.Root,
			"versions": versions,
		}},
	}
	if err := spec.Write(dir); err != nil {
		return nil, err
	}
	fmt.Fprintf(opts.Log, "installed kernelspec %q (%s) in %s\n", opts.Name, DisplayName, dir)
	return &Result{Spec: spec, Versions: versions}, nil
}

// buildInto builds the tools and copies them into bin, under the build lock.
func buildInto(ctx context.Context, opts Options, bin string) error {
	unlock, err := lockBuild(opts.Root)
	if err != nil {
		return err
	}
	defer unlock()
	if err := build(ctx, opts.GoCmd, opts.Root); err != nil {
		return err
	}
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return fmt.Errorf("install: %w", err)
	}
	for _, t := range Tools {
		if err := copyFile(filepath.Join(bin, t.Name), filepath.Join(BuildDir(opts.Root), t.Name), 0o755); err != nil {
			return err
		}
	}
	return linkShim(bin)
}

// linkShim makes bin/shim/gopls, goimports and go links to the fearless
// binary (see launch.Shims): gopls then cannot outlive gonb, and gonb's
// goimports and go get are skipped when they would change nothing. Where
// links are not available the kernel runs without the shims.
func linkShim(bin string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	dir := filepath.Join(bin, launch.ShimDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("install: %w", err)
	}
	for _, name := range launch.Shims {
		link := filepath.Join(dir, name)
		tmp := link + ".new"
		_ = os.Remove(tmp)
		if err := os.Symlink(filepath.Join("..", "fearless"), tmp); err != nil {
			return fmt.Errorf("install: %w", err)
		}
		if err := os.Rename(tmp, link); err != nil {
			return fmt.Errorf("install: %w", err)
		}
	}
	return nil
}
