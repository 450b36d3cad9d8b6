package exercise

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/fearless-go/fearless/kernel/guard"
)

// declared returns the top-level names a cell declares (methods as
// Type.Method), reading the part before a %% line and skipping gonb's
// special lines (%... and !...). ok is false when the code does not parse.
func declared(src string) (names []string, ok bool) {
	var b strings.Builder
	b.WriteString("package main\n")
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if guard.MainLine(t) {
			break
		}
		if strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			b.WriteString("\n") // keep line numbers
			continue
		}
		b.WriteString(line + "\n")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "cell.go", b.String(), parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) > 0 {
				name = recvType(d.Recv.List[0].Type) + "." + name
			}
			names = append(names, name)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names = append(names, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.Name != "_" {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names, true
}

// recvType names a method's receiver type without pointer or type
// parameters.
func recvType(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}
