package launch

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// warmModule is the module path of the small module CellsWorkspace writes.
const warmModule = "fearless.local/cells"

// modulePath is this checkout's module path.
const modulePath = "github.com/fearless-go/fearless"

// CellsWorkspace writes, into dir, the module the kernel gives gonb as its
// workspace (gonb's --go_work) in place of the checkout itself, and returns
// dir.
//
// gonb's go.work then uses the cells' module and this one, which requires
// the checkout's module and replaces it by root: cells import the helpers
// and charts from the checkout as before (same directories, so the same
// build cache), but neither gonb nor gopls sees the checkout as part of the
// workspace. With the checkout in go.work, gonb walked all of it (node_modules
// and .venv too) and sent every Go file in it to gopls, and gopls loaded every
// package of it — the kernel, ZeroMQ, gonb — before the first completion.
// The module holds one package importing every helper package and the
// charts (WarmPackages): gopls loads and checks exactly that as soon as gonb
// connects to it, when the kernel starts, so the first completion finds the
// helpers ready. gonb builds only the cell's own package, never this one.
// Without warm (headless runs, where nobody asks for a completion) the
// package imports nothing, and gopls has nothing to load.
func CellsWorkspace(dir, root string, warm bool) (string, error) {
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("cells workspace: %w", err)
	}
	goVersion, requires := goLine(string(goMod)), requireLines(string(goMod))
	if goVersion == "" {
		return "", fmt.Errorf("cells workspace: %s has no go directive", filepath.Join(root, "go.mod"))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cells workspace: %w", err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil && !os.IsNotExist(err) {
		return "", fmt.Errorf("cells workspace: %w", err)
	}
	var src strings.Builder
	src.WriteString("// Package warm imports what notebook cells use, so that gopls loads it as\n// soon as the kernel starts. Written by the fearless kernel; never built.\npackage warm\n\nimport (\n")
	if warm {
		for _, p := range WarmPackages(root) {
			fmt.Fprintf(&src, "\t_ %q\n", p)
		}
	}
	src.WriteString(")\n")
	files := []struct{ name, text string }{
		{"go.mod", fmt.Sprintf("module %s\n\ngo %s\n\nrequire %s v0.0.0\n\nrequire (\n%s)\n\nreplace %s => %s\n",
			warmModule, goVersion, modulePath, requires, modulePath, root)},
		{"go.sum", string(sum)},
		{"warm.go", src.String()},
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.text), 0o644); err != nil {
			return "", fmt.Errorf("cells workspace: %w", err)
		}
	}
	return dir, nil
}

// WarmPackages lists the packages of root that cells import: the charts
// and every helper package (not internal ones, not commands).
func WarmPackages(root string) []string {
	var pkgs []string
	consider := func(rel string) {
		entries, err := os.ReadDir(filepath.Join(root, rel))
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			if pkg, _ := packageName(filepath.Join(root, rel, name)); pkg != "" && pkg != "main" {
				pkgs = append(pkgs, modulePath+"/"+filepath.ToSlash(rel))
				return
			}
		}
	}
	consider("charts")
	if entries, err := os.ReadDir(filepath.Join(root, "helpers")); err == nil {
		for _, e := range entries {
			if e.IsDir() && e.Name() != "internal" && e.Name() != "testdata" {
				consider(filepath.Join("helpers", e.Name()))
			}
		}
	}
	slices.Sort(pkgs)
	return pkgs
}

// packageName returns the package clause of a Go file ("" when it has a
// build constraint other than the defaults, to stay on the safe side).
func packageName(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if strings.HasPrefix(line, "//go:build") {
			return "", nil
		}
		if name, ok := strings.CutPrefix(line, "package "); ok {
			return strings.TrimSpace(strings.SplitN(name, "//", 2)[0]), nil
		}
	}
	return "", s.Err()
}

// goLine returns the version of a go.mod file's go directive.
func goLine(goMod string) string {
	for _, line := range strings.Split(goMod, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// requireLines returns every requirement of a go.mod file, one a line
// ("\tpath version // indirect\n"). The cells' workspace requires all
// that the checkout requires, as the checkout's own go.mod did when it was
// in the workspace: the go command lets a cell import a module only when a
// workspace module requires it.
func requireLines(goMod string) string {
	var b strings.Builder
	inBlock := false
	for _, line := range strings.Split(goMod, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case inBlock && t == ")":
			inBlock = false
		case inBlock && t != "" && !strings.HasPrefix(t, "//"):
			b.WriteString("\t" + t + "\n")
		case t == "require (":
			inBlock = true
		case strings.HasPrefix(t, "require "):
			b.WriteString("\t" + strings.TrimSpace(strings.TrimPrefix(t, "require ")) + "\n")
		}
	}
	return b.String()
}
