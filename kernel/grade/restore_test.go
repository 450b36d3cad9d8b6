package grade

import (
	"slices"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/runner"
)

// TestRestore tampers with the handout the ways a learner can — a check cell
// deleted, one edited, a read-only cell split in two, cells moved, a shell
// command in a solution — and finds the source's cells back, hidden checks
// included, in the source's order, with a note for each.
func TestRestore(t *testing.T) {
	src, err := exercise.Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	hand := handout(t)
	nb := handout(t)
	var cells []*notebook.Cell
	for _, c := range nb.Cells {
		m, _ := exercise.MetaOf(c)
		switch {
		case m != nil && m.GradeID == "count-check":
			c.Source = "%%\nex := check.Exercise(\"count\")\ndefer ex.Done()\nex.True(\"all\", func() (bool, string) { return true, \"\" }, check.Points(5))"
		case m != nil && m.GradeID == "first-of-check":
			continue // deleted
		case m != nil && m.GradeID == "count":
			c.Source = "!rm -rf /tmp/x\n%env A=1\n" + countOK
		}
		cells = append(cells, c)
	}
	// Moved: first-of's solution before count's.
	cells[5], cells[8] = cells[8], cells[5]
	nb.Cells = cells
	p := restore(src, nb, hand)

	var runIDs []string
	for _, c := range p.run.Cells {
		if m, _ := exercise.MetaOf(c); m != nil {
			runIDs = append(runIDs, m.GradeID)
		}
	}
	// Each solution runs merged into its check cell (one build); count's,
	// with gonb commands in it, is refused and does not run.
	if got := strings.Join(runIDs, " "); got != "first-of-check" {
		t.Errorf("run cells %q, want first-of-check alone", got)
	}
	if why := p.refused["count"]; !strings.Contains(why, "line 1: your code has a gonb command line (!rm -rf /tmp/x)") {
		t.Errorf("count refused for %q", why)
	}
	for _, c := range p.run.Cells {
		m, _ := exercise.MetaOf(c)
		if m == nil || m.Role() != exercise.Check {
			continue
		}
		want := src.NB.Cells[src.Exercise(strings.TrimSuffix(m.GradeID, "-check")).Checks[0]].Source
		body := want[strings.Index(want, "%%"):]
		if !strings.HasSuffix(c.Source, body) || strings.Contains(c.Source, p.key) {
			t.Errorf("%s: not the source's cell (hidden checks included, no key):\n%s", m.GradeID, c.Source)
		}
		if !strings.Contains(c.Source, "BEGIN HIDDEN TESTS") {
			t.Errorf("%s: hidden checks missing", m.GradeID)
		}
	}
	notes := strings.Join(p.notes, "\n")
	for _, want := range []string{"cell count-check was edited", "cell first-of-check was missing"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes do not say %q:\n%s", want, notes)
		}
	}
}

// TestRestoreSplitSolution joins the parts of a solution cell the learner
// split (both keep its grade_id), runs a declaration cell of theirs, and
// puts check cells the learner swapped back in order.
func TestRestoreSplitSolution(t *testing.T) {
	src, _ := exercise.Read(sample)
	hand := handout(t)
	nb := handout(t)
	var cells []*notebook.Cell
	for _, c := range nb.Cells {
		cells = append(cells, c)
		if m, _ := exercise.MetaOf(c); m != nil && m.GradeID == "first-of" {
			c.Source = "func FirstOf(jobs ...func() int) int { return first(jobs) }"
			part := *c
			part.Source = "func first(jobs []func() int) int { return jobs[0]() }"
			cells = append(cells, &part, notebook.NewCode("func helper() int { return 1 }"))
		}
	}
	var checks []int
	for i, c := range cells {
		if m, _ := exercise.MetaOf(c); m != nil && m.Role() == exercise.Check {
			checks = append(checks, i)
		}
	}
	cells[checks[0]], cells[checks[1]] = cells[checks[1]], cells[checks[0]]
	nb.Cells = cells
	p := restore(src, nb, hand)
	if !strings.Contains(strings.Join(p.notes, "\n"), "out of order") {
		t.Errorf("notes: %q", p.notes)
	}
	var order []string
	for gi := range p.graded.Cells {
		if ex := p.checkOf[gi]; ex != nil {
			order = append(order, ex.ID)
		}
	}
	if strings.Join(order, " ") != "count first-of" {
		t.Errorf("check cells in order %v", order)
	}
	sol := p.graded.Cells[p.solutionAt["first-of"]].Source
	if !strings.Contains(sol, "func FirstOf") || !strings.Contains(sol, "func first(") {
		t.Errorf("split solution not joined:\n%s", sol)
	}
	if len(p.extra) != 1 {
		t.Errorf("%d added cells run, want 1", len(p.extra))
	}
}

// TestMergeCells merges a solution into its check cell and puts the
// compiler's messages back at each cell's own lines.
func TestMergeCells(t *testing.T) {
	sol := "import \"sync\"\n\nfunc Count() int {\n\tvar mu sync.Mutex\n\treturn x\n}"
	chk := "%goflags -race\nimport \"github.com/fearless-go/fearless/helpers/check\"\n\n%%\nex := check.Exercise(\"count\")\ndefer ex.Done()\nex.Equal(\"c\", 1, func() any { return Count(2) })"
	src, m, ok := mergeCells(sol, chk)
	if !ok {
		t.Fatal("not merged")
	}
	lines := strings.Split(src, "\n")
	at := func(s string) int {
		return slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, s) }) + 1
	}
	one := 1
	diags := []runner.Diagnostic{
		{Cell: 1, Line: at("return x"), Message: "undefined: x"},
		{Cell: 1, Line: at("Count(2)"), Message: "too many arguments in call to Count"},
		{Cell: 1, Line: at(`"sync"`), Message: `"sync" imported and not used`},
	}
	solD, chkD := m.split(&one, diags)
	if len(solD) != 2 || solD[0].Line != 5 || solD[1].Line != 1 || len(chkD) != 1 || chkD[0].Line != 7 {
		t.Errorf("split: solution %+v, check %+v\n%s", solD, chkD, src)
	}
	for _, bad := range [][2]string{
		{"func Count() int { return 1 }\n%%\nfmt.Println(1)", chk},                  // a %% line in the solution
		{"func ex() {}", "func ex() {}\n%%\n"},                                      // a name both declare
		{"import rand \"math/rand/v2\"\nfunc f() {}", "import \"math/rand\"\n%%\n"}, // one name, two paths
		{"func Count( {", chk},                                                      // does not parse
	} {
		if _, _, ok := mergeCells(bad[0], bad[1]); ok {
			t.Errorf("merged %q and %q", bad[0], bad[1])
		}
	}
}

// TestRestoreChecksumRule: a solution cell whose nbgrader checksum is still
// the handout's was not attempted; a copy of it (metadata and checksum
// copied, as JupyterLab copies a cell) holding an answer counts.
func TestRestoreChecksumRule(t *testing.T) {
	src, _ := exercise.Read(sample)
	hand := handout(t)
	if p := restore(src, handout(t), hand); !p.untouched["count"] || !p.untouched["first-of"] {
		t.Fatalf("handout: untouched %v", p.untouched)
	}
	nb := handout(t)
	var cells []*notebook.Cell
	for _, c := range nb.Cells {
		cells = append(cells, c)
		if m, _ := exercise.MetaOf(c); m != nil && m.GradeID == "count" {
			dup := *c
			dup.Source = countOK
			cells = append(cells, &dup)
		}
	}
	nb.Cells = cells
	if p := restore(src, nb, hand); p.untouched["count"] || !p.untouched["first-of"] {
		t.Fatalf("a copied cell with an answer: untouched %v", p.untouched)
	}
}
