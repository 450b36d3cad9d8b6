package guard

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
)

// Dropped is a learner's declaration the instructor's won over.
type Dropped struct {
	Cell int    // index in the cells given to DropRedeclared
	Line int    // its first line in the cell
	Name string // the name, Type.Method for a method
}

// DropRedeclared makes the instructor's declarations win: gonb keeps the
// latest declaration of a name, so a learner's cell redeclaring a function,
// type, variable, constant or method that a cell of the instructor's
// declares would replace it (a check relying on a helper of the instructor's
// would call the learner's). It returns the cells' sources with each such
// declaration of a learner's cell blanked (its lines kept, empty, so that
// line numbers hold) and what was dropped.
func DropRedeclared(cells []Cell) ([]string, []Dropped) {
	out := make([]string, len(cells))
	theirs := map[string]bool{}
	for i, c := range cells {
		out[i] = c.Source
		if c.Learner {
			continue
		}
		if f, _ := declPart(c.Source); f != nil {
			for _, d := range f.Decls {
				for _, n := range declNames(d) {
					theirs[n] = true
				}
			}
		}
	}
	var dropped []Dropped
	for i, c := range cells {
		if !c.Learner {
			continue
		}
		f, fs := declPart(c.Source)
		if f == nil {
			continue
		}
		lines := strings.Split(c.Source, "\n")
		changed := false
		for _, d := range f.Decls {
			names := declNames(d)
			k := slices.IndexFunc(names, func(n string) bool { return theirs[n] })
			if k < 0 {
				continue
			}
			from, to := fs.Position(d.Pos()).Line-1, fs.Position(d.End()).Line-1 // 1-based in the cell
			if g, ok := d.(*ast.GenDecl); ok && g.Doc != nil {
				from = fs.Position(g.Doc.Pos()).Line - 1
			}
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				from = fs.Position(fd.Doc.Pos()).Line - 1
			}
			for l := from; l <= to && l-1 < len(lines); l++ {
				lines[l-1] = ""
			}
			dropped = append(dropped, Dropped{Cell: i, Line: fs.Position(d.Pos()).Line - 1, Name: names[k]})
			changed = true
		}
		if changed {
			out[i] = strings.Join(lines, "\n")
		}
	}
	return out, dropped
}

// declPart parses the declarations of a cell (what comes before %%), its
// lines in place after a package line; nil when they do not parse.
func declPart(src string) (*ast.File, *token.FileSet) {
	lines := strings.Split(src, "\n")
	for n, l := range lines {
		t := strings.TrimSpace(l)
		if MainLine(t) {
			lines = lines[:n]
			break
		}
		if strings.HasPrefix(t, "!") || strings.HasPrefix(t, "%") {
			lines[n] = ""
		}
	}
	fs := token.NewFileSet()
	f, err := parser.ParseFile(fs, "cell.go", "package main\n"+strings.Join(lines, "\n"), parser.SkipObjectResolution|parser.ParseComments)
	if err != nil {
		return nil, nil
	}
	return f, fs
}

// declNames lists the names a top-level declaration declares, as gonb keys
// them: a method as Type.Method. init and _ are not names.
func declNames(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			if d.Name.Name != "init" && d.Name.Name != "_" {
				out = append(out, d.Name.Name)
			}
			break
		}
		if len(d.Recv.List) > 0 {
			if t := recvType(d.Recv.List[0].Type); t != "" {
				out = append(out, t+"."+d.Name.Name)
			}
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.Name != "_" {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

// recvType names a method's receiver type: T for T, *T, T[P] and *T[P].
func recvType(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}
