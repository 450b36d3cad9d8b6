package grade

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"

	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/runner"
)

// merged records a run cell that holds a solution cell and the check cell
// after it (one build instead of two), and where each part's lines went.
type merged struct {
	solution    int       // the solution cell, by index in graded
	solStart    int       // 1-based line of the solution's first line in the run cell
	solLines    int       //
	checkStart  int       // 1-based line of the check cell's first line
	importOwner []partRef // by header line (1-based index - 1): whose import it is
}

type partRef struct {
	solution bool
	line     int // the import's line in that part
}

// mergeCells returns one cell that does what the solution cell and then the
// check cell do: the imports of both, hoisted (Go wants them first), then
// the solution with its import lines blanked (its lines keep their places),
// then the check cell likewise. ok is false when they cannot be merged
// safely: code that does not parse, a %% line in the solution, a name both
// declare, one import name for two paths.
func mergeCells(solution, checkCell string) (string, *merged, bool) {
	solLines := strings.Split(solution, "\n")
	chkLines := strings.Split(checkCell, "\n")
	if slices.ContainsFunc(solLines, guard.MainLine) {
		return "", nil, false
	}
	cut := len(chkLines)
	for i, l := range chkLines {
		if guard.MainLine(l) {
			cut = i
			break
		}
	}
	solImports, solBody, solNames, ok := hoist(solLines)
	if !ok {
		return "", nil, false
	}
	chkImports, chkBody, chkNames, ok := hoist(chkLines[:cut])
	if !ok {
		return "", nil, false
	}
	for _, n := range solNames {
		if slices.Contains(chkNames, n) {
			return "", nil, false
		}
	}
	m := &merged{}
	var specs []string
	byName := map[string]string{}
	add := func(imps []importSpec, sol bool) bool {
		for _, im := range imps {
			if p, seen := byName[im.name]; seen {
				if p != im.path {
					return false
				}
				continue
			}
			byName[im.name] = im.path
			specs = append(specs, im.spec)
			m.importOwner = append(m.importOwner, partRef{solution: sol, line: im.line})
		}
		return true
	}
	if !add(solImports, true) || !add(chkImports, false) {
		return "", nil, false
	}
	var b strings.Builder
	header := 0
	if len(specs) > 0 {
		b.WriteString("import (\n")
		for _, s := range specs {
			b.WriteString("\t" + s + "\n")
		}
		b.WriteString(")\n")
		header = len(specs) + 2
		m.importOwner = append([]partRef{{}}, m.importOwner...) // the "import (" line
	}
	m.solStart, m.solLines = header+1, len(solLines)
	b.WriteString(strings.Join(solBody, "\n") + "\n")
	m.checkStart = m.solStart + len(solLines)
	b.WriteString(strings.Join(append(chkBody, chkLines[cut:]...), "\n"))
	return b.String(), m, true
}

type importSpec struct {
	name, path, spec string
	line             int // 1-based, in the part
}

// hoist parses a cell's declarations and returns its imports, its lines
// with the import declarations blanked, and the names it declares.
func hoist(lines []string) (imps []importSpec, body []string, names []string, ok bool) {
	var src strings.Builder
	src.WriteString("package main\n")
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			l = ""
		}
		src.WriteString(l + "\n")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src.String(), parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, nil, false
	}
	body = append([]string{}, lines...)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil {
				continue // methods: their types' names clash first
			}
			if name == "init" || name == "main" {
				return nil, nil, nil, false
			}
			names = append(names, name)
		case *ast.GenDecl:
			if d.Tok != token.IMPORT {
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
				continue
			}
			for _, s := range d.Specs {
				is := s.(*ast.ImportSpec)
				path := strings.Trim(is.Path.Value, "\"`")
				elems := strings.Split(path, "/")
				name := elems[len(elems)-1]
				if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
					name = elems[len(elems)-2] // math/rand/v2 is rand
				}
				spec := is.Path.Value
				if is.Name != nil {
					name = is.Name.Name
					spec = is.Name.Name + " " + spec
				}
				if name == "_" || name == "." {
					return nil, nil, nil, false
				}
				imps = append(imps, importSpec{name: name, path: path, spec: spec, line: fset.Position(is.Pos()).Line - 1})
			}
			for l := fset.Position(d.Pos()).Line; l <= fset.Position(d.End()).Line; l++ {
				body[l-2] = "" // the file starts with the package line
			}
		}
	}
	return imps, body, names, true
}

// split sorts a merged cell's compiler messages into the solution's and the
// check cell's, each at its own line.
func (m *merged) split(count *int, diags []runner.Diagnostic) (sol, chk []runner.Diagnostic) {
	for _, d := range diags {
		if d.Cell != 0 && (count == nil || d.Cell != *count) || d.Line == 0 {
			chk = append(chk, d)
			continue
		}
		switch {
		case d.Line <= len(m.importOwner):
			o := m.importOwner[d.Line-1]
			d.Line = o.line
			if o.solution {
				sol = append(sol, d)
			} else {
				chk = append(chk, d)
			}
		case d.Line < m.checkStart:
			d.Line -= m.solStart - 1
			sol = append(sol, d)
		default:
			d.Line -= m.checkStart - 1
			chk = append(chk, d)
		}
	}
	return sol, chk
}
