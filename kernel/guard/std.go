package guard

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

var (
	stdOnce sync.Once
	stdList []string
	stdRoot string
)

// stdPackages lists the standard library's importable packages (internal,
// vendor and cmd aside), read from GOROOT's source once.
func stdPackages() []string {
	stdOnce.Do(func() {
		stdRoot = goroot()
		src := filepath.Join(stdRoot, "src")
		_ = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(src, p)
			rel = filepath.ToSlash(rel)
			base := d.Name()
			if rel == "cmd" || base == "internal" || base == "vendor" || base == "testdata" || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
				return filepath.SkipDir
			}
			if rel != "." && hasGo(p) {
				stdList = append(stdList, rel)
			}
			return nil
		})
	})
	return stdList
}

func goroot() string {
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if r := strings.TrimSpace(string(out)); r != "" {
			return r
		}
	}
	return runtime.GOROOT()
}

func hasGo(dir string) bool {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			return true
		}
	}
	return false
}

var (
	exportsMu sync.Mutex
	exports   = map[string][]string{}
)

// exportsAll reports whether a package could be the one goimports picks
// for these selectors: it exports every one of them. A package whose
// source is not at hand could be.
func exportsAll(path string, sels []string) bool {
	stdPackages()
	exportsMu.Lock()
	names, ok := exports[path]
	exportsMu.Unlock()
	if !ok {
		dir := filepath.Join(stdRoot, "src", filepath.FromSlash(path))
		ents, err := os.ReadDir(dir)
		if err != nil {
			return true
		}
		for _, e := range ents {
			n := e.Name()
			if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, n), nil, parser.SkipObjectResolution)
			if err != nil || strings.HasSuffix(f.Name.Name, "_test") || f.Name.Name == "main" {
				continue
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Name.IsExported() {
						names = append(names, d.Name.Name)
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							names = append(names, s.Name.Name)
						case *ast.ValueSpec:
							for _, n := range s.Names {
								names = append(names, n.Name)
							}
						}
					}
				}
			}
		}
		if names == nil {
			names = []string{}
		}
		exportsMu.Lock()
		exports[path] = names
		exportsMu.Unlock()
	}
	for _, s := range sels {
		if !slices.Contains(names, s) {
			return false
		}
	}
	return true
}

// Prepare reads what Check needs from the Go installation (the standard
// library's packages, with `go env GOROOT`) now rather than at the first
// Check: a caller that must know when it starts processes calls it first.
func Prepare() { stdPackages() }
