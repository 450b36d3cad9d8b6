package launch

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Shims are the programs the kernel's bin/shim directory holds, each a link
// to the fearless binary, first on gonb's PATH:
//
//   - gopls: see RunGoplsShim;
//   - goimports: gonb runs `goimports -w main.go` before every cell; when
//     the file's imports are exactly the packages it uses, goimports would
//     change nothing, and the shim skips it;
//   - go: gonb runs `go get` before every cell, which loads the whole module
//     graph; when every import of the cell is the standard library's or in a
//     module the workspace already requires, it would change nothing, and
//     the shim skips it. Every other go command passes through.
var Shims = []string{"gopls", "goimports", "go"}

// RealGoEnv names the go command the go shim runs (set by Config.Command);
// without it, the first go on PATH after the shim's own directory.
const RealGoEnv = "FEARLESS_REAL_GO"

// ShimName returns which shim argv0 names ("" for none).
func ShimName(argv0 string) string {
	name := strings.TrimSuffix(filepath.Base(argv0), ".exe")
	if slices.Contains(Shims, name) {
		return name
	}
	return ""
}

// RunShim runs the shim name with args and returns its exit status.
func RunShim(name string, args []string) int {
	var err error
	switch name {
	case "gopls":
		err = RunGoplsShim(args)
	case "goimports":
		err = runGoimportsShim(args)
	case "go":
		err = runGoShim(args)
	default:
		err = fmt.Errorf("fearless: no shim named %q", name)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// runGoimportsShim skips `goimports -w FILE` when FILE's imports are settled.
func runGoimportsShim(args []string) error {
	if len(args) == 2 && args[0] == "-w" && ImportsSettled(args[1]) {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("fearless goimports shim: %w", err)
	}
	real := filepath.Join(filepath.Dir(exe), "goimports")
	return run(real, append([]string{real}, args...), os.Environ())
}

// runGoShim skips `go get` (as gonb runs it, in the cell's directory) when
// the cell's imports already resolve; any other command runs the real go.
func runGoShim(args []string) error {
	if (slices.Equal(args, []string{"get"}) || slices.Equal(args, []string{"get", "-t"})) && GetSettled(".", len(args) == 2) {
		return nil
	}
	real := os.Getenv(RealGoEnv)
	if real == "" {
		exe, _ := os.Executable()
		self := filepath.Dir(exe)
		var dirs []string
		for _, d := range filepath.SplitList(os.Getenv("PATH")) {
			if abs, err := filepath.Abs(d); err != nil || abs != self && filepath.Base(abs) != ShimDir {
				dirs = append(dirs, d)
			}
		}
		for _, d := range dirs {
			if p, err := exec.LookPath(filepath.Join(d, "go")); err == nil {
				real = p
				break
			}
		}
		if real == "" {
			return fmt.Errorf("fearless go shim: no go command on PATH")
		}
	}
	if os.Getenv(RunAsEnv) != "" && builtBinary(args) != "" {
		return runGoAs(real, args)
	}
	return run(real, append([]string{real}, args...), os.Environ())
}

// ImportsSettled reports whether goimports would leave file's imports as
// they are: the file parses, every import is used, every package the file
// uses is imported, and no name is left that goimports might resolve to a
// package. When unsure it says false, and goimports runs.
func ImportsSettled(file string) bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		return false
	}
	imported := map[string]bool{}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return false
		}
		name := ""
		if spec.Name != nil {
			name = spec.Name.Name
		} else {
			name = importName(path)
		}
		switch name {
		case "_":
			continue
		case "", ".":
			return false
		}
		if imported[name] {
			return false
		}
		imported[name] = true
	}
	// Package names are never resolved by the parser: every use of one is
	// among f.Unresolved, as the X of a selector.
	asPackage := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				asPackage[id] = true
			}
		}
		return true
	})
	used := map[string]bool{}
	for _, id := range f.Unresolved {
		switch {
		case asPackage[id] && imported[id.Name]:
			used[id.Name] = true
		case asPackage[id]:
			return false // a package goimports would look for (fmt.Println without "fmt")
		case types.Universe.Lookup(id.Name) != nil:
		default:
			return false // a name the parser could not resolve: let goimports look
		}
	}
	return len(used) == len(imported)
}

// importName is the name an import path is used by when the package's name
// is its last element (a major version suffix /vN skipped), or "" when that
// is not a Go identifier (then only goimports knows).
func importName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	if !token.IsIdentifier(name) || strings.HasPrefix(name, "go-") {
		return ""
	}
	return name
}

// GetSettled reports whether `go get` in dir (with -t: tests too) would
// leave go.mod as it is: every import of its Go files is the standard
// library's, or in the main module, or in a module that dir's go.mod or a
// module its go.work uses requires (or is). When unsure it says false.
func GetSettled(dir string, tests bool) bool {
	mods, ok := knownModules(dir)
	if !ok {
		return false
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		return false
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") && !tests {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.ImportsOnly)
		if err != nil {
			return false
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return false
			}
			first, _, _ := strings.Cut(path, "/")
			if !strings.Contains(first, ".") {
				if path == "C" || isStd(path) {
					continue
				}
			}
			if !slices.ContainsFunc(mods, func(m string) bool { return path == m || strings.HasPrefix(path, m+"/") }) {
				return false
			}
		}
	}
	return true
}

// isStd reports whether path is a standard library package of the Go
// installation (its GOROOT/src directory exists).
func isStd(path string) bool {
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		if real := os.Getenv(RealGoEnv); real != "" {
			goroot = filepath.Dir(filepath.Dir(real))
		}
	}
	if goroot == "" {
		return false
	}
	st, err := os.Stat(filepath.Join(goroot, "src", filepath.FromSlash(path)))
	return err == nil && st.IsDir()
}

// knownModules returns the module paths dir's go.mod is and requires, and
// those of the modules its go.work uses.
func knownModules(dir string) ([]string, bool) {
	var mods []string
	add := func(goMod string) bool {
		data, err := os.ReadFile(goMod)
		if err != nil {
			return false
		}
		text := string(data)
		for _, line := range strings.Split(text, "\n") {
			if m, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
				mods = append(mods, strings.Trim(strings.TrimSpace(m), `"`))
			}
		}
		for _, line := range strings.Split(requireLines(text), "\n") {
			if f := strings.Fields(line); len(f) >= 2 {
				mods = append(mods, f[0])
			}
		}
		return true
	}
	if !add(filepath.Join(dir, "go.mod")) {
		return nil, false
	}
	work, err := os.ReadFile(filepath.Join(dir, "go.work"))
	if os.IsNotExist(err) {
		return mods, true
	}
	if err != nil {
		return nil, false
	}
	for _, use := range useLines(string(work)) {
		if !filepath.IsAbs(use) {
			use = filepath.Join(dir, use)
		}
		if !add(filepath.Join(use, "go.mod")) {
			return nil, false
		}
	}
	return mods, true
}

// useLines returns the directories a go.work file uses.
func useLines(work string) []string {
	var uses []string
	inBlock := false
	for _, line := range strings.Split(work, "\n") {
		t := strings.TrimSpace(strings.SplitN(line, "//", 2)[0])
		switch {
		case inBlock && t == ")":
			inBlock = false
		case inBlock && t != "":
			uses = append(uses, strings.Trim(t, `"`))
		case t == "use (":
			inBlock = true
		case strings.HasPrefix(t, "use "):
			uses = append(uses, strings.Trim(strings.TrimSpace(strings.TrimPrefix(t, "use ")), `"`))
		}
	}
	return uses
}
