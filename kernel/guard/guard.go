package guard

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"
)

// Module is the module path of the course's helpers.
const Module = "github.com/fearless-go/fearless"

// DefaultAllow is the packages a learner's code may use unless the exercise
// allows more: what concurrency exercises need, and nothing that reaches
// the file system, the network, other processes, the program's memory or
// the checks (os…, syscall, unsafe, reflect, runtime…, net…, io/fs, plugin,
// debug/…, helpers/check and cgo are all outside it). helpers/trace is
// outside it too: the behavioural checks read the recorder, so code under
// check that could write to it (a Span named like a check's gate) or stop
// it could forge the evidence of how its answer was made.
var DefaultAllow = []string{
	"bufio", "bytes", "cmp", "container/heap", "container/list", "container/ring", "context", "errors", "fmt",
	"io", "iter", "maps", "math", "math/big", "math/bits", "math/cmplx", "math/rand", "math/rand/v2",
	"regexp", "slices", "sort", "strconv", "strings", "sync", "sync/atomic", "time",
	"unicode", "unicode/utf16", "unicode/utf8",
	Module + "/helpers/arc", Module + "/helpers/async", Module + "/helpers/deadlock", Module + "/helpers/explore",
	Module + "/helpers/mpsc", Module + "/helpers/mutex", Module + "/helpers/own", Module + "/helpers/rc",
	Module + "/helpers/rwlock", Module + "/helpers/thread",
}

// MetaKey is the key, in a solution cell's nbgrader metadata in the
// instructor's notebook, of a list of import paths the exercise allows on
// top of DefaultAllow: "fearless_allow": ["os"]. The learner's copy of the
// metadata is never read for it.
const MetaKey = "fearless_allow"

// Cell is one cell of the program as gonb builds it, in run order.
type Cell struct {
	Source string
	// Learner marks a cell the learner wrote (a solution cell, a cell of
	// their own): it is checked, and may use only Allow and DefaultAllow.
	Learner bool
	Allow   []string
}

// Problem is why a learner's cell was refused: one line, at the cell's line.
type Problem struct {
	Cell int    // index in the cells given to Check
	Line int    // 1-based line in the cell, 0 when unknown
	Msg  string // "your code uses package os, which this exercise does not allow"
}

// Error gives the problem in a line: "line 4: your code uses package os, …".
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return p.Msg
}

// Check refuses the learner's cells that could reach beyond what the
// exercise allows, and returns the first problem of each refused cell. The
// cells are put together as gonb builds them (every cell's declarations in
// one program, the imports of every cell shared, a cell's code after %% in a
// function of its own) and type-checked, so that every identifier of a
// learner's cell resolves to the package it names: an import, a package
// another cell imported, or one goimports would add for a bare selector
// (gonb runs goimports). Refused besides: //go: and //line directives,
// //gonb: lines, gonb's shell (!) and special (%) lines other than %%, and
// cgo (import "C", not a package anyone allows).
func Check(cells []Cell) []Problem {
	var probs []Problem
	refused := map[int]bool{}
	fail := func(i, line int, format string, args ...any) {
		if !refused[i] {
			refused[i] = true
			probs = append(probs, Problem{Cell: i, Line: line, Msg: fmt.Sprintf(format, args...)})
		}
	}
	for i, c := range cells {
		if !c.Learner {
			continue
		}
		for n, l := range strings.Split(c.Source, "\n") {
			t := strings.TrimSpace(l)
			switch {
			case MainLine(t):
			case strings.HasPrefix(t, "!"), strings.HasPrefix(t, "%"):
				fail(i, n+1, "your code has a gonb command line (%s), which graded cells may not run", clip(t))
			case strings.Contains(l, "//gonb:"):
				fail(i, n+1, "your code has a //gonb: line, which graded cells may not run")
			case strings.Contains(l, "//go:") || strings.HasPrefix(t, "//line ") || strings.Contains(l, "/*line "):
				fail(i, n+1, "your code has a compiler directive (//go: or //line), which graded cells may not use")
			}
		}
	}
	prog := build(cells)
	conf := types.Config{Importer: fakeImporter{}, Error: func(error) {}, FakeImportC: false}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	pkg, _ := conf.Check("main", prog.fset, []*ast.File{prog.file}, info)
	for i, c := range cells {
		if !c.Learner || refused[i] {
			continue
		}
		if prog.parseErr[i] != "" {
			fail(i, 0, "your code does not parse: %s", prog.parseErr[i])
			continue
		}
		allowed := func(path string) bool { return slices.Contains(DefaultAllow, path) || slices.Contains(c.Allow, path) }
		for _, im := range prog.imports[i] {
			if !allowed(im.path) {
				fail(i, im.line, "%s", notAllowed(im.path))
			}
		}
		if refused[i] {
			continue
		}
		// Bare selectors X.Sel whose X nothing declares: goimports adds an
		// import for them; collect their selectors by X.
		bare := map[string][]string{}
		bareLine := map[string]int{}
		for _, d := range prog.file.Decls {
			if d.Pos() < prog.start[i] || d.Pos() >= prog.end[i] {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					x, ok := n.X.(*ast.Ident)
					if !ok {
						return true
					}
					if obj, ok := info.Uses[x]; ok {
						if pn, ok := obj.(*types.PkgName); ok && !allowed(pn.Imported().Path()) {
							fail(i, prog.line(i, x.Pos()), "%s", notAllowed(pn.Imported().Path()))
						}
						return true
					}
					if _, ok := info.Defs[x]; !ok && x.Name != "_" {
						bare[x.Name] = append(bare[x.Name], n.Sel.Name)
						if bareLine[x.Name] == 0 {
							bareLine[x.Name] = prog.line(i, x.Pos())
						}
					}
				case *ast.Ident:
					// A name of another package without a qualifier: a dot import.
					if obj, ok := info.Uses[n]; ok && obj.Pkg() != nil && obj.Pkg() != pkg && obj.Parent() == obj.Pkg().Scope() && !allowed(obj.Pkg().Path()) {
						fail(i, prog.line(i, n.Pos()), "%s", notAllowed(obj.Pkg().Path()))
					}
				}
				return true
			})
		}
		if refused[i] {
			continue
		}
		names := make([]string, 0, len(bare))
		for x := range bare {
			names = append(names, x)
		}
		sort.Strings(names)
		for _, x := range names {
			if path, ok := resolveBare(x, bare[x], c.Allow, allowed); !ok {
				fail(i, bareLine[x], "%s", notAllowed(path))
			}
		}
	}
	sort.Slice(probs, func(a, b int) bool { return probs[a].Cell < probs[b].Cell })
	return probs
}

// notAllowed is the one line a refused package gets.
func notAllowed(path string) string {
	if path == "C" {
		return "your code uses cgo (import \"C\"), which graded cells may not use"
	}
	msg := fmt.Sprintf("your code uses package %s, which this exercise does not allow", path)
	if path == Module+"/helpers/trace" {
		msg += " (the checks read its recording to see how your answer works: only they may write to it)"
	}
	return msg
}

// resolveBare decides a bare selector's package as goimports would: any
// package named x that exports every selector could be the one added. It is
// allowed when an allowed package has that name and no package outside the
// list could be chosen instead; path names the package refused.
func resolveBare(x string, sels, extra []string, allowed func(string) bool) (path string, ok bool) {
	var mine []string
	for _, p := range slices.Concat(DefaultAllow, extra, stdPackages()) {
		if pkgName(p) == x && !slices.Contains(mine, p) {
			mine = append(mine, p)
		}
	}
	var good bool
	for _, p := range mine {
		if allowed(p) {
			good = true
			continue
		}
		if exportsAll(p, sels) {
			return p, false
		}
	}
	if good {
		return "", true
	}
	if len(mine) > 0 {
		return mine[0], false
	}
	return x, false
}

// pkgName is the name a package is imported under by default: its path's
// last element (math/rand/v2 is rand).
func pkgName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	return name
}

// MainLine reports whether a cell's line starts the code gonb runs as the
// cell's main body (%% or %main): the cell's declarations end there.
func MainLine(line string) bool {
	t := strings.TrimSpace(line)
	return t == "%%" || strings.HasPrefix(t, "%main")
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// fakeImporter gives every import an empty package: resolving a name to
// its package needs the import's path, not its contents, and is fast.
type fakeImporter struct{}

func (fakeImporter) Import(path string) (*types.Package, error) {
	p := types.NewPackage(path, pkgName(path))
	p.MarkComplete()
	return p, nil
}

// program is the cells put together as one file.
type program struct {
	fset       *token.FileSet
	file       *ast.File
	start, end []token.Pos // each cell's span in file
	first      []int       // each cell's first line in file
	parsed     []bool
	parseErr   []string
	imports    [][]importAt
}

type importAt struct {
	path string
	line int // in the cell
}

// line is the cell's line of a position in the file.
func (p *program) line(cell int, pos token.Pos) int {
	return p.fset.Position(pos).Line - p.first[cell] + 1
}

// build puts the cells together: their imports hoisted to the top, then
// each cell's lines in place (import lines blanked, gonb's command lines
// blanked, the code after %% in a function of its own). A cell that does not
// parse on its own is left out.
func build(cells []Cell) *program {
	p := &program{fset: token.NewFileSet(), start: make([]token.Pos, len(cells)), end: make([]token.Pos, len(cells)),
		first: make([]int, len(cells)), parsed: make([]bool, len(cells)), parseErr: make([]string, len(cells)), imports: make([][]importAt, len(cells))}
	bodies := make([][]string, len(cells))
	var specs []string
	seen := map[string]bool{}
	for i, c := range cells {
		lines := strings.Split(c.Source, "\n")
		body := make([]string, len(lines))
		open := false
		for n, l := range lines {
			t := strings.TrimSpace(l)
			switch {
			case MainLine(t) && !open:
				body[n] = fmt.Sprintf("func _cell%d_main() {", i)
				open = true
			case MainLine(t), strings.HasPrefix(t, "!"), strings.HasPrefix(t, "%"):
				body[n] = ""
			default:
				body[n] = l
			}
		}
		if open {
			body = append(body, "}")
		}
		fs := token.NewFileSet()
		f, err := parser.ParseFile(fs, "cell.go", "package main\n"+strings.Join(body, "\n"), parser.SkipObjectResolution)
		if err != nil {
			p.parseErr[i] = parseMsg(err)
			continue
		}
		lineOf := func(pos token.Pos) int { return fs.Position(pos).Line }
		p.parsed[i] = true
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.IMPORT {
				continue
			}
			for _, s := range g.Specs {
				is := s.(*ast.ImportSpec)
				path := strings.Trim(is.Path.Value, "\"`")
				p.imports[i] = append(p.imports[i], importAt{path: path, line: lineOf(is.Pos()) - 1})
				spec := is.Path.Value
				if is.Name != nil {
					spec = is.Name.Name + " " + spec
				}
				if !seen[spec] {
					seen[spec] = true
					specs = append(specs, spec)
				}
			}
			for l := lineOf(g.Pos()); l <= lineOf(g.End()); l++ {
				body[l-2] = ""
			}
		}
		bodies[i] = body
	}
	var b strings.Builder
	b.WriteString("package main\n")
	line := 2
	for _, s := range specs {
		b.WriteString("import " + s + "\n")
		line++
	}
	marks := make([]int, len(cells))
	for i := range cells {
		if !p.parsed[i] {
			continue
		}
		b.WriteString(fmt.Sprintf("var _ = 0 // cell %d\n", i))
		line++
		marks[i] = b.Len()
		p.first[i] = line
		b.WriteString(strings.Join(bodies[i], "\n") + "\n")
		line += len(bodies[i])
	}
	src := b.String()
	f, err := parser.ParseFile(p.fset, "program.go", src, parser.SkipObjectResolution)
	if err != nil {
		// Cells that parse alone parse together; should they not, every
		// learner cell is refused.
		f = &ast.File{Name: ast.NewIdent("main")}
		for i := range p.parsed {
			p.parsed[i] = false
			p.parseErr[i] = "the cells do not parse together"
		}
	}
	p.file = f
	tf := p.fset.File(f.Pos())
	for i := range cells {
		if !p.parsed[i] || tf == nil {
			continue
		}
		p.start[i] = tf.Pos(marks[i])
		end := len(src)
		for j := i + 1; j < len(cells); j++ {
			if p.parsed[j] {
				end = marks[j]
				break
			}
		}
		p.end[i] = tf.Pos(end)
	}
	return p
}

// parseMsg is a parse error in a line, at the cell's line.
func parseMsg(err error) string {
	if l, ok := err.(scanner.ErrorList); ok && len(l) > 0 {
		return fmt.Sprintf("line %d: %s", l[0].Pos.Line-1, l[0].Msg)
	}
	return err.Error()
}
