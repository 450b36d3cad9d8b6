package exercise

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"sort"
	"strings"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// A Mutant is a mechanical change of an exercise's reference solution that
// breaks what the exercise teaches: the checks must catch every applicable
// one (fearless prove --mutants). Some change the solution cell's source
// (go/ast rewriting), some build the helpers with a mutant build tag, some
// both.
type Mutant struct {
	Name   string   // stable name, used in the not-applicable metadata: "inline", "nolock", "drop:tx", ...
	What   string   // what the change does, in a few words
	Tags   []string // build tags the variant's cells are built with
	Source string   // the solution cell, changed (or as it was, for a tag-only mutant)
}

// The mutant build tags (see the helpers' *_mutant.go files).
const (
	TagInline     = "fearless_mutant_inline"     // thread.Spawn/Go/Scope run the thread's body inline
	TagNoLock     = "fearless_mutant_nolock"     // mutex and rwlock exclude nobody
	TagDirect     = "fearless_mutant_direct"     // mpsc sends and receives are not recorded
	TagBlockSleep = "fearless_mutant_blocksleep" // async.Sleep keeps its worker, like thread.Sleep
	// tagNone is set on mutants that need no helper change, so that a
	// kernel's %goflags never keep an earlier mutant's tags.
	tagNone = "fearless_mutant"
)

// MutantsKey is the key, in a solution cell's metadata, of the mutants that
// do not apply to the exercise, each with the reason:
//
//	"metadata": {"fearless": {"mutants_not_applicable": {"swap:first/second": "…why…"}}, "nbgrader": {…}}
const MutantsKey = "mutants_not_applicable"

// NotApplicable is a mutant an exercise declares not applicable, with why.
type NotApplicable struct {
	Exercise, Mutant, Reason string
}

// notApplicable reads the solution cell's not-applicable mutants.
func notApplicable(c *notebook.Cell) map[string]string {
	out := map[string]string{}
	f, _ := c.Metadata["fearless"].(map[string]any)
	m, _ := f[MutantsKey].(map[string]any)
	for k, v := range m {
		s, _ := v.(string)
		out[k] = s
	}
	return out
}

// Mutants derives the mutants of a solution cell. A mutant applies when the
// solution uses what it changes: "inline" when it starts threads (helpers/
// thread, or go statements, which become plain calls); "nolock" when it
// locks (helper locks by build tag; sync.Mutex/RWMutex Lock and Unlock
// calls removed); "direct" when it uses helpers/mpsc (the channel's
// messages go unrecorded, as if handed over by direct calls); "blocksleep"
// when it uses helpers/async (async.Sleep blocks its worker like
// thread.Sleep, and any async.Sleep in the solution becomes thread.Sleep);
// "drop:X" for each X.Drop() call (removed); "swap:A/B" for two nested lock
// acquisitions in one block (their receivers swapped).
func Mutants(solution string) []Mutant {
	file, off, ok := parseCell(solution)
	var ms []Mutant
	uses := func(s ...string) bool {
		for _, x := range s {
			if strings.Contains(solution, x) {
				return true
			}
		}
		return false
	}
	if !ok {
		return nil
	}
	var goStmts, lockCalls, drops, asyncSleeps []edit
	var swaps []Mutant
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			goStmts = append(goStmts, edit{pos(n.Pos(), off), pos(n.Call.Pos(), off), ""})
		case *ast.ExprStmt:
			if recv, name, ok := zeroArgCall(n.X); ok {
				switch name {
				case "Lock", "Unlock", "RLock", "RUnlock":
					lockCalls = append(lockCalls, edit{pos(n.Pos(), off), pos(n.End(), off), "_ = " + text(recv)})
				case "Drop":
					drops = append(drops, edit{pos(n.Pos(), off), pos(n.End(), off), "_ = " + text(recv)})
				}
			}
		case *ast.DeferStmt:
			if recv, name, ok := zeroArgCall(n.Call); ok {
				switch name {
				case "Unlock", "RUnlock":
					lockCalls = append(lockCalls, edit{pos(n.Pos(), off), pos(n.End(), off), "_ = " + text(recv)})
				case "Drop":
					drops = append(drops, edit{pos(n.Pos(), off), pos(n.End(), off), "_ = " + text(recv)})
				}
			}
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "async" && n.Sel.Name == "Sleep" {
				asyncSleeps = append(asyncSleeps, edit{pos(n.Pos(), off), pos(n.End(), off), "thread.Sleep"})
			}
		case *ast.BlockStmt:
			swaps = append(swaps, swapMutants(solution, n.List, off)...)
		}
		return true
	})
	if len(goStmts) > 0 || uses("thread.Spawn", "thread.Go", "thread.Scope") {
		ms = append(ms, Mutant{Name: "inline", What: "every spawn runs inline (the program becomes sequential)",
			Tags: []string{TagInline}, Source: apply(solution, goStmts)})
	}
	if len(lockCalls) > 0 || uses("mutex.", "rwlock.", "MustLock(", "MustRead(", "MustWrite(") {
		ms = append(ms, Mutant{Name: "nolock", What: "locks do nothing (helper locks built without exclusion, sync lock calls removed)",
			Tags: []string{TagNoLock}, Source: apply(solution, lockCalls)})
	}
	if uses("mpsc.") {
		ms = append(ms, Mutant{Name: "direct", What: "the channel is replaced by direct hand-overs (no send or receive goes through it)",
			Tags: []string{TagDirect}, Source: solution})
	}
	if uses("async.") {
		ms = append(ms, Mutant{Name: "blocksleep", What: "async.Sleep replaced by thread.Sleep (each wait keeps its worker)",
			Tags: []string{TagBlockSleep}, Source: apply(solution, asyncSleeps)})
	}
	seen := map[string]int{}
	for _, d := range drops {
		name := "drop:" + strings.TrimPrefix(d.text, "_ = ")
		if seen[name]++; seen[name] > 1 {
			name += fmt.Sprintf("#%d", seen[name])
		}
		ms = append(ms, Mutant{Name: name, What: "a Drop removed (" + strings.TrimPrefix(d.text, "_ = ") + ")",
			Tags: []string{tagNone}, Source: apply(solution, []edit{d})})
	}
	return append(ms, swaps...)
}

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

func apply(src string, edits []edit) string {
	sorted := append([]edit{}, edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].start > sorted[j].start })
	for _, e := range sorted {
		src = src[:e.start] + e.text + src[e.end:]
	}
	return src
}

// cellPrefix turns a cell's declarations into a file.
const cellPrefix = "package main\n"

// parseCell parses a cell's Go code; special lines (%..., !...) are blanked
// so that offsets in the file map to the cell: offset - off.
func parseCell(src string) (*ast.File, int, bool) {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			lines[i] = strings.Repeat(" ", len(l))
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "cell.go", cellPrefix+strings.Join(lines, "\n"), parser.SkipObjectResolution)
	return f, len(cellPrefix), err == nil
}

// pos turns a file position (1-based offset, one file) into a cell offset.
func pos(p token.Pos, off int) int { return int(p) - 1 - off }

// zeroArgCall matches X.Name() and returns X and Name.
func zeroArgCall(e ast.Expr) (ast.Expr, string, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, "", false
	}
	return sel.X, sel.Sel.Name, true
}

func text(e ast.Expr) string {
	var b strings.Builder
	printer.Fprint(&b, token.NewFileSet(), e)
	return b.String()
}

// acquires are the methods that take a lock and return its guard.
var acquires = map[string]bool{"Lock": true, "MustLock": true, "Read": true, "MustRead": true, "Write": true, "MustWrite": true, "RLock": true}

// swapMutants finds, in one statement list, a lock acquired while another
// taken earlier in the list is still held (no Unlock statement between
// them), and swaps the two receivers: the locks are taken the other way
// round.
func swapMutants(src string, list []ast.Stmt, off int) []Mutant {
	type acq struct {
		recv ast.Expr
		stmt int
	}
	var found []acq
	for i, s := range list {
		if es, ok := s.(*ast.ExprStmt); ok {
			if _, name, ok := zeroArgCall(es.X); ok && (name == "Unlock" || name == "RUnlock") {
				found = nil // everything taken so far may be released
				continue
			}
		}
		var rhs []ast.Expr
		switch s := s.(type) {
		case *ast.AssignStmt:
			rhs = s.Rhs
		case *ast.ExprStmt:
			rhs = []ast.Expr{s.X}
		}
		for _, e := range rhs {
			if recv, name, ok := zeroArgCall(e); ok && acquires[name] {
				found = append(found, acq{recv, i})
			}
		}
	}
	var ms []Mutant
	for i := 0; i+1 < len(found); i++ {
		a, b := found[i].recv, found[i+1].recv
		ta, tb := text(a), text(b)
		if ta == tb {
			continue
		}
		ms = append(ms, Mutant{Name: "swap:" + ta + "/" + tb, What: "two nested lock acquisitions swapped (" + ta + " and " + tb + ")",
			Tags: []string{tagNone}, Source: apply(src, []edit{{pos(a.Pos(), off), pos(a.End(), off), tb}, {pos(b.Pos(), off), pos(b.End(), off), ta}})})
		break // one swap per block
	}
	return ms
}

// withTags makes a variant's cells build with the mutant's tags: every
// %goflags line gets them, and the first cell sets them if none does.
func withTags(cells []*notebook.Cell, tags []string) {
	withGoflag(cells, "-tags="+strings.Join(tags, ","))
}

// withGoflag makes cells build with flag: every %goflags line gets it, and
// the first cell sets it if none does (gonb's %goflags replaces the flags
// it had, and stays for the cells after it).
func withGoflag(cells []*notebook.Cell, flag string) {
	set := false
	for _, c := range cells {
		lines := strings.Split(c.Source, "\n")
		for i, l := range lines {
			if t := strings.TrimSpace(l); strings.HasPrefix(t, "%goflags") {
				lines[i] = t + " " + flag
				set = true
			}
		}
		c.Source = strings.Join(lines, "\n")
	}
	if !set && len(cells) > 0 {
		cells[0].Source = "%goflags " + flag + "\n" + cells[0].Source
	}
}
