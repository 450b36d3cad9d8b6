package exercise

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// Problem is one thing wrong with a notebook's exercises.
type Problem struct {
	Path    string // the notebook (or a wrong answer's file)
	Cell    int    // 0-based index among all cells; -1 when not about one cell
	Line    int    // 1-based line in the cell (or file); 0 when not about one line
	GradeID string // the cell's grade_id, when it has one
	Msg     string
}

// Error formats the problem as "path: cell 20 (grade_id x) line 3: msg",
// counting cells and lines from 1 as a reader does.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Cell >= 0 {
		fmt.Fprintf(&b, ": cell %d", p.Cell+1)
		if p.GradeID != "" {
			fmt.Fprintf(&b, " (grade_id %s)", p.GradeID)
		}
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, " line %d", p.Line)
	}
	return b.String() + ": " + p.Msg
}

// gradeIDPattern is nbgrader's rule for a grade_id.
var gradeIDPattern = regexp.MustCompile(`^[a-zA-Z0-9_\-]+$`)

// WrongPrefix starts the first line of every wrong answer file.
const WrongPrefix = "// Wrong: "

// Validate reports what is malformed in a notebook's exercises: nbgrader
// metadata that nbgrader itself would refuse (schema, types, a missing or
// duplicate grade_id, a check cell without points), markers that are
// unbalanced, nested, misspelt or in the wrong kind of cell, a solution cell
// without markers, a check cell whose grade_id names no solution cell, a
// solution cell without a check cell, check.Exercise naming another
// exercise, no ex.Done, and — when the notebook has a path — wrong answers
// missing, without their "// Wrong:" line, or kept for no exercise. No
// problems means Assign and Prove can work on it.
func Validate(n *Notebook) []Problem {
	var probs []Problem
	add := func(cell, line int, id, format string, args ...any) {
		probs = append(probs, Problem{Path: n.Path, Cell: cell, Line: line, GradeID: id, Msg: fmt.Sprintf(format, args...)})
	}
	ids := map[string]int{} // grade_id -> cell
	solutions := map[string]int{}
	var checks []int
	for i, c := range n.NB.Cells {
		m, err := MetaOf(c)
		if err != nil {
			add(i, 0, "", "%v", err)
			continue
		}
		id := ""
		if m != nil {
			id = m.GradeID
		}
		role := m.Role()
		if c.CellType == notebook.Code {
			checkMarkers(c.Source, role, func(line int, msg string) { add(i, line, id, "%s", msg) })
		}
		if m == nil {
			continue
		}
		if m.SchemaVersion != SchemaVersion {
			add(i, 0, id, "nbgrader schema_version is %d, want %d", m.SchemaVersion, SchemaVersion)
		}
		if msg := allowProblem(c, role); msg != "" {
			add(i, 0, id, "%s", msg)
		}
		if role == Plain {
			continue
		}
		switch {
		case id == "":
			add(i, 0, id, "nbgrader %s cell without a grade_id", role)
			continue
		case !gradeIDPattern.MatchString(id):
			add(i, 0, id, "grade_id %q has characters nbgrader refuses (letters, digits, _ and - only)", id)
		}
		if prev, dup := ids[id]; dup {
			add(i, 0, id, "duplicate grade_id %q (also cell %d): nbgrader wants each grade_id once; a check cell is named %s%s", id, prev+1, exerciseOf(id+CheckSuffix), CheckSuffix)
		} else {
			ids[id] = i
		}
		if c.CellType != notebook.Code && role != ReadOnly {
			add(i, 0, id, "a %s cell must be a code cell, not %s", role, c.CellType)
			continue
		}
		switch role {
		case Invalid:
			add(i, 0, id, "nbgrader flags solution=%v grade=%v locked=%v: want a solution cell (solution, not grade, not locked) or a check cell (grade, locked, not solution)", m.Solution, m.Grade, m.Locked)
		case Solution:
			solutions[id] = i
			if m.HasPoints {
				add(i, 0, id, "a solution cell has no points (its check cell has them)")
			}
			if hasMainLine(c.Source) {
				add(i, 0, id, "a solution cell only declares (no %%%% line): the check cell calls what it declares")
			}
			if rs, _ := regions(c.Source, BeginSolution, EndSolution); len(rs) == 0 {
				add(i, 0, id, "solution cell without %s ... %s: mark the reference solution", BeginSolution, EndSolution)
			}
		case Check:
			checks = append(checks, i)
			switch {
			case !m.HasPoints:
				add(i, 0, id, "check cell without points")
			case m.Points <= 0:
				add(i, 0, id, "check cell with %v points, want more than 0", m.Points)
			}
		}
	}
	checked := map[string]bool{}
	for _, i := range checks {
		c := n.NB.Cells[i]
		m, _ := MetaOf(c)
		ex := exerciseOf(m.GradeID)
		sol, ok := solutions[ex]
		switch {
		case ex == "":
			add(i, 0, m.GradeID, "a check cell's grade_id is <solution grade_id>%s (or %s-2, ...): %q names no exercise", CheckSuffix, CheckSuffix, m.GradeID)
			continue
		case !ok:
			add(i, 0, m.GradeID, "check cell for exercise %q, but no solution cell has grade_id %q", ex, ex)
			continue
		case sol > i:
			add(i, 0, m.GradeID, "check cell before its solution cell (cell %d)", sol+1)
		}
		checked[ex] = true
		calls := exerciseCall.FindAllStringSubmatchIndex(c.Source, -1)
		switch {
		case len(calls) == 0:
			add(i, 0, m.GradeID, "no check.Exercise(%q) in the check cell", ex)
		default:
			for _, call := range calls {
				if got := c.Source[call[2]:call[3]]; got != ex {
					add(i, lineOf(c.Source, call[0]), m.GradeID, "check.Exercise(%q) in the check cell of exercise %q: want check.Exercise(%q)", got, ex, ex)
				}
			}
			if !strings.Contains(c.Source, ".Done()") {
				add(i, 0, m.GradeID, "no Done(): write defer ex.Done() right after check.Exercise")
			}
		}
	}
	var ordered []string
	for id := range solutions {
		ordered = append(ordered, id)
	}
	sort.Slice(ordered, func(a, b int) bool { return solutions[ordered[a]] < solutions[ordered[b]] })
	for _, id := range ordered {
		if !checked[id] {
			add(solutions[id], 0, id, "solution cell without a check cell (grade_id %s%s)", id, CheckSuffix)
		}
	}
	if n.Path != "" {
		probs = append(probs, validateWrong(n, ordered)...)
	}
	return probs
}

// checkMarkers reports markers misused in a code cell of the given role.
func checkMarkers(src string, role Role, add func(line int, msg string)) {
	for _, k := range []struct {
		begin, end string
		want       Role
	}{{BeginSolution, EndSolution, Solution}, {BeginHiddenTests, EndHiddenTests, Check}} {
		rs, probs := regions(src, k.begin, k.end)
		for _, p := range probs {
			add(p.line+1, p.msg)
		}
		if len(rs) > 0 && role != k.want {
			add(rs[0].begin+1, fmt.Sprintf("%s in a %s cell: only a %s cell may have it", k.begin, role, k.want))
		}
	}
}

func lineOf(src string, offset int) int { return strings.Count(src[:offset], "\n") + 1 }

// validateWrong checks the wrong answers kept beside the notebook.
func validateWrong(n *Notebook, ids []string) []Problem {
	var probs []Problem
	for _, id := range ids {
		files, err := WrongAnswers(n, id)
		if err != nil {
			probs = append(probs, Problem{Path: n.WrongDir(id), Cell: -1, Msg: err.Error()})
			continue
		}
		if len(files) == 0 {
			probs = append(probs, Problem{Path: n.Path, Cell: n.Exercise(id).Solution, GradeID: id,
				Msg: fmt.Sprintf("no wrong answers: keep at least one in %s/<name>.go", n.WrongDir(id))})
		}
		for _, w := range files {
			if !strings.HasPrefix(w.Source, WrongPrefix) {
				probs = append(probs, Problem{Path: w.Path, Cell: -1, Line: 1, Msg: fmt.Sprintf("a wrong answer starts with a %q line saying why a learner would write it", strings.TrimSpace(WrongPrefix)+" <why>")})
			}
		}
	}
	dir := filepath.Join(filepath.Dir(n.Path), "testdata", "wrong", n.Stem())
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && n.Exercise(e.Name()) == nil {
			probs = append(probs, Problem{Path: filepath.Join(dir, e.Name()), Cell: -1, Msg: fmt.Sprintf("wrong answers for %q, but %s has no solution cell with that grade_id", e.Name(), filepath.Base(n.Path))})
		}
	}
	return probs
}

// Wrong is one wrong answer: the whole source of a solution cell.
type Wrong struct {
	Name   string // the file name without .go
	Path   string
	Why    string // the text of its "// Wrong:" line
	Source string
}

// WrongAnswers reads the wrong answers of exercise id, sorted by name (none
// when the folder does not exist).
func WrongAnswers(n *Notebook, id string) ([]Wrong, error) {
	dir := n.WrongDir(id)
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var ws []Wrong
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		src := withoutPackageClause(string(b))
		first, _, _ := strings.Cut(src, "\n")
		ws = append(ws, Wrong{
			Name:   strings.TrimSuffix(filepath.Base(p), ".go"),
			Path:   p,
			Why:    strings.TrimSpace(strings.TrimPrefix(first, strings.TrimSpace(WrongPrefix))),
			Source: strings.TrimRight(src, "\n"),
		})
	}
	return ws, nil
}

// withoutPackageClause drops the "package main" line a wrong answer carries so
// that it is a well-formed Go file (gofmt and editors read it); a cell has no
// package clause.
func withoutPackageClause(src string) string {
	lines := strings.SplitAfter(src, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "package main" {
			return strings.Join(append(lines[:i:i], lines[i+1:]...), "")
		}
	}
	return src
}
