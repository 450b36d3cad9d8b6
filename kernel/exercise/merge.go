package exercise

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"

	"github.com/fearless-go/fearless/kernel/guard"
)

// merge returns one cell that does what the solution cell and then the
// check cell do, so that a variant costs one build instead of two: the
// imports of both first (Go wants them before any other declaration, and
// once each), then the solution's declarations, then the check cell. ok is
// false when the two cannot be merged safely (code that does not parse, a
// %% line in the solution, a name both declare): then they run as two cells.
func merge(solution, checkCell string) (string, bool) {
	if hasMainLine(solution) {
		return "", false
	}
	solImports, solBody, ok := splitImports(solution)
	if !ok {
		return "", false
	}
	pre, post := checkCell, ""
	lines := strings.Split(checkCell, "\n")
	for i, l := range lines {
		if guard.MainLine(l) {
			pre, post = strings.Join(lines[:i], "\n"), "\n"+strings.Join(lines[i:], "\n")
			break
		}
	}
	chkImports, chkBody, ok := splitImports(pre)
	if !ok {
		return "", false
	}
	a, _ := declared(solution)
	b, _ := declared(pre)
	for _, name := range a {
		if slices.Contains(b, name) {
			return "", false
		}
	}
	var imports []string
	for _, imp := range append(solImports, chkImports...) {
		if !slices.Contains(imports, imp) {
			imports = append(imports, imp)
		}
	}
	var out strings.Builder
	if len(imports) > 0 {
		out.WriteString("import (\n")
		for _, imp := range imports {
			out.WriteString("\t" + imp + "\n")
		}
		out.WriteString(")\n\n")
	}
	out.WriteString(solBody + "\n\n" + chkBody + post)
	return out.String(), true
}

func hasMainLine(src string) bool {
	return slices.ContainsFunc(strings.Split(src, "\n"), guard.MainLine)
}

// splitImports parses a cell's declarations and returns its import specs
// (`name "path"`) and its source with the import declarations blanked out
// (special lines such as %goflags stay where they are).
func splitImports(src string) (imports []string, body string, ok bool) {
	lines := strings.Split(src, "\n")
	var b strings.Builder
	b.WriteString("package main\n")
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			l = ""
		}
		b.WriteString(l + "\n")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", b.String(), parser.SkipObjectResolution)
	if err != nil {
		return nil, "", false
	}
	drop := map[int]bool{}
	for _, d := range f.Decls {
		g, isGen := d.(*ast.GenDecl)
		if !isGen || g.Tok != token.IMPORT {
			continue
		}
		for _, s := range g.Specs {
			is := s.(*ast.ImportSpec)
			spec := is.Path.Value
			if is.Name != nil {
				spec = is.Name.Name + " " + spec
			}
			imports = append(imports, spec)
		}
		// Lines are 1-based and the file starts with the package line.
		for l := fset.Position(g.Pos()).Line; l <= fset.Position(g.End()).Line; l++ {
			drop[l-2] = true
		}
	}
	var kept []string
	for i, l := range lines {
		if !drop[i] {
			kept = append(kept, l)
		}
	}
	return imports, strings.Join(kept, "\n"), true
}
