package install

import (
	"context"
	"debug/buildinfo"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/launch"
)

// Finding is one line of a Check report.
type Finding struct {
	What   string // what was checked
	OK     bool   // whether it is in order
	Detail string // what was found
	Fix    string // how to fix it, when not OK
}

// Report is the result of Check.
type Report struct {
	Findings []Finding
}

// OK reports whether nothing is missing.
func (r *Report) OK() bool {
	for _, f := range r.Findings {
		if !f.OK {
			return false
		}
	}
	return true
}

func (r *Report) add(what string, ok bool, detail, fix string) bool {
	r.Findings = append(r.Findings, Finding{What: what, OK: ok, Detail: detail, Fix: fix})
	return ok
}

// WriteTo prints the report, one finding a line, with the fix under each
// problem.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	for _, f := range r.Findings {
		mark := "ok     "
		if !f.OK {
			mark = "MISSING"
		}
		fmt.Fprintf(&b, "%s %s: %s\n", mark, f.What, f.Detail)
		if !f.OK && f.Fix != "" {
			fmt.Fprintf(&b, "        fix: %s\n", f.Fix)
		}
	}
	if r.OK() {
		b.WriteString("the fearless kernel is ready\n")
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// Check reports what a working kernel needs and what is missing: Go, the
// checkout, the kernelspec, the tools at their pinned versions, and the
// module cache for offline imports. opts.KernelsDir, when set, is where the
// kernelspec is expected; otherwise it is looked up as Jupyter would.
func Check(ctx context.Context, opts Options) *Report {
	r := &Report{}
	install := "fearless install"
	if opts.KernelsDir != "" {
		install += " (with the same --user/--prefix)"
	}
	goCmd := opts.GoCmd
	if goCmd == "" {
		goCmd = "go"
	}
	goPath, err := exec.LookPath(goCmd)
	if err == nil {
		var v []byte
		if v, err = exec.CommandContext(ctx, goPath, "env", "GOVERSION").Output(); err == nil {
			goPath += " (" + strings.TrimSpace(string(v)) + ")"
		}
	}
	if !r.add("go", err == nil, orErr(goPath, err), "install Go 1.26 or later and put its bin directory on PATH") {
		return r
	}

	name := opts.Name
	if name == "" {
		name = KernelName
	}
	var spec *kernelspec.Spec
	if opts.KernelsDir != "" {
		spec, err = kernelspec.FindIn([]string{opts.KernelsDir}, name)
	} else {
		spec, err = kernelspec.Find(name)
	}
	if !r.add("kernelspec "+name, err == nil, orErr(specDetail(spec), err), "run `"+install+"` from the repository") {
		return r
	}
	root := argAfter(spec.Argv, "--root")
	goroot := argAfter(spec.Argv, "--goroot")
	launcher := spec.Argv[0]
	_, err = os.Stat(launcher)
	r.add("launcher", err == nil && len(spec.Argv) > 1 && spec.Argv[1] == "kernel", orErr(launcher, err), "run `"+install+"` again")
	if opts.Root != "" {
		root = opts.Root
	}
	if !r.add("module root", root != "" && IsRoot(root), orErr(root, rootErr(root)), "run `"+install+"` from the repository you want the kernel to serve") {
		return r
	}
	_, err = os.Stat(filepath.Join(goroot, "bin", "go"))
	r.add("Go for cells", err == nil, orErr(filepath.Join(goroot, "bin", "go"), err), "run `"+install+"` again with the Go you want on PATH")

	versions, err := pinnedVersions(ctx, goCmd, root)
	if !r.add("pinned versions", err == nil, orErr(listVersions(versions), err), "check go.mod in "+root) {
		return r
	}
	bin := filepath.Join(spec.Dir, "bin")
	for _, t := range Tools {
		if t.Module == "" {
			continue
		}
		path := filepath.Join(bin, t.Name)
		got, err := builtVersion(path, t.Module)
		want := versions[t.Module]
		detail := fmt.Sprintf("%s %s", path, got)
		if err == nil && got != want {
			err = fmt.Errorf("%s is %s, go.mod pins %s", t.Name, got, want)
		}
		r.add(t.Name+" "+want, err == nil, orErr(detail, err), "run `"+install+"` to rebuild it")
	}

	if runtime.GOOS != "windows" {
		shim := filepath.Join(bin, launch.ShimDir, "gopls")
		target, err := os.Readlink(shim)
		r.add("gopls shim", err == nil, orErr(shim+" -> "+target, err), "run `"+install+"` again")
	}

	// Offline imports need every module of the build list in the module
	// cache; with the proxy off, go mod download only looks there. GOFLAGS
	// is cleared so that a user's -mod=mod cannot rewrite go.mod.
	cmd := exec.CommandContext(ctx, goCmd, "mod", "download")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	r.add("module cache (offline)", err == nil, orErr("every module go.mod needs is cached", firstLine(out, err)),
		"run `go mod download` in "+root+" while online")
	return r
}

// builtVersion returns the version of module mod that the binary was built
// from, read from the build information Go embeds in every binary.
func builtVersion(path, mod string) (string, error) {
	info, err := buildinfo.ReadFile(path)
	if err != nil {
		return "", err
	}
	if info.Main.Path == mod {
		return info.Main.Version, nil
	}
	for _, d := range info.Deps {
		if d.Path == mod {
			return d.Version, nil
		}
	}
	return "", fmt.Errorf("%s was not built from %s", path, mod)
}

func listVersions(v map[string]string) string {
	var parts []string
	for _, m := range slices.Sorted(maps.Keys(v)) {
		parts = append(parts, m+" "+v[m])
	}
	return strings.Join(parts, ", ")
}

func specDetail(s *kernelspec.Spec) string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf("%q in %s", s.DisplayName, s.Dir)
}

func argAfter(argv []string, flag string) string {
	if i := slices.Index(argv, flag); i >= 0 && i+1 < len(argv) {
		return argv[i+1]
	}
	return ""
}

func rootErr(root string) error {
	if root == "" {
		return errors.New("the kernelspec names no --root")
	}
	if !IsRoot(root) {
		return fmt.Errorf("%s is not a checkout of %s", root, ModulePath)
	}
	return nil
}

func orErr(detail string, err error) string {
	if err != nil {
		return err.Error()
	}
	return detail
}

func firstLine(out []byte, err error) error {
	if err == nil {
		return nil
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return fmt.Errorf("%w: %s", err, line)
}
