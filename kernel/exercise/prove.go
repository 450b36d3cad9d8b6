package exercise

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/runner"
)

// Kind is the kind of a variant Prove runs.
type Kind string

// Kinds of variant.
const (
	KindReference Kind = "reference" // the notebook as written: must score full marks
	KindWrong     Kind = "wrong"     // a wrong answer in the solution cell: must fail a check
	KindStudent   Kind = "student"   // the student version: must fail calmly
	KindMutant    Kind = "mutant"    // a mutant of the reference solution (see Mutants): must fail a check
)

// DefaultCellTimeout is how long Prove lets one cell run: a check cell whose
// every check hangs takes DefaultTimeout (5s) per check.
const DefaultCellTimeout = 2 * time.Minute

// ProveOptions configure Prove.
type ProveOptions struct {
	// Runner runs the cells (kernel, environment, kernelspec lookup). Its
	// Timeout defaults to DefaultCellTimeout here; OutDir is ignored.
	Runner runner.Options
	// Jobs is how many notebooks run at once, each in its own kernel
	// (default 2).
	Jobs int
	// Progress, when set, hears about each variant as soon as it is done.
	// Calls are serialized.
	Progress func(nb string, v *VariantResult)
	// Mutants also runs every applicable mutant of each reference
	// solution (see Mutants); each must fail a check. They run in kernels
	// of their own, an exercise's mutants to a kernel, Jobs at a time,
	// and their check cells stop at the first failed check.
	Mutants bool
}

// Variant is one version of an exercise that Prove runs.
type Variant struct {
	Exercise string // the exercise's grade_id
	Kind     Kind   // KindReference, KindWrong or KindStudent
	Name     string // the wrong answer's name (its file name without .go), or the mutant's
	Why      string // the wrong answer's "// Wrong:" line, or what the mutant changes
	File     string // the wrong answer's file
}

// String names the variant: "count reference", "count wrong answer no-lock".
func (v Variant) String() string {
	switch v.Kind {
	case KindWrong:
		return fmt.Sprintf("%s wrong answer %s", v.Exercise, v.Name)
	case KindMutant:
		return fmt.Sprintf("%s mutant %s", v.Exercise, v.Name)
	}
	if v.Name != "" { // the reference as graded
		return v.Exercise + " " + string(v.Kind) + " " + v.Name
	}
	return v.Exercise + " " + string(v.Kind)
}

// VariantResult is what happened to one variant.
type VariantResult struct {
	Variant
	OK       bool                 // it behaved as its kind must
	Problem  string               // why not, when !OK
	Verdict  string               // how it ended, in a few words ("5/5 points", "failed: check x: ...")
	Results  []*check.Result      // one per check cell (nil where none came)
	Cells    []*runner.CellResult // the cells it ran, in order
	Duration time.Duration
}

// NotebookProof is what Prove found for one notebook.
type NotebookProof struct {
	Path     string
	Problems []Problem // validation problems: nothing ran
	Err      error     // the notebook could not be read or run
	Variants []*VariantResult
	// NotApplicable lists the mutants its exercises declare not
	// applicable (with --mutants).
	NotApplicable []NotApplicable
	Duration      time.Duration
}

// OK reports whether the notebook is valid and every variant behaved.
func (p *NotebookProof) OK() bool {
	if p.Err != nil || len(p.Problems) > 0 {
		return false
	}
	for _, v := range p.Variants {
		if !v.OK {
			return false
		}
	}
	return true
}

// Proof is the outcome of Prove.
type Proof struct {
	Notebooks []*NotebookProof
	Duration  time.Duration
	Mutants   bool // mutants were run (ProveOptions.Mutants)
}

// MutantScore counts the mutants run: killed is how many failed a check
// (or crashed, or hung), of applicable.
func (p *Proof) MutantScore() (killed, applicable int) {
	for _, n := range p.Notebooks {
		for _, v := range n.Variants {
			if v.Kind == KindMutant {
				applicable++
				if v.OK {
					killed++
				}
			}
		}
	}
	return killed, applicable
}

// OK reports whether every notebook was proven.
func (p *Proof) OK() bool {
	for _, n := range p.Notebooks {
		if !n.OK() {
			return false
		}
	}
	return true
}

// Prove runs, for every exercise of every notebook in paths (notebooks or
// directories, as fearless run takes them): the reference solution, which
// must pass every check with full marks (its score must equal the check
// cell's nbgrader points); each wrong answer, which must fail at least one
// check; and the student version, which must fail calmly (its failed checks
// say "not implemented yet"; no panic, no timeout, no stack trace). Only the
// cells an exercise needs run (Notebook.Needs). To be fast, one kernel runs
// a notebook (a kernel that dies is replaced): an exercise's declaration
// cells run once after gonb's %reset, then each variant runs its solution
// cell merged into the check cell (one build), gonb's newer declarations
// replacing the previous variant's. Every variant, the student's included,
// sees the reference solutions of earlier exercises. A wrong answer that
// crashes the program at run time (fatal error: concurrent map writes)
// counts as caught: its cell fails. The error is for arguments that name
// nothing.
func Prove(ctx context.Context, paths []string, opts ProveOptions) (*Proof, error) {
	jobs, err := runner.Collect(paths, "")
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if opts.Jobs <= 0 {
		opts.Jobs = 2
	}
	if opts.Runner.Timeout <= 0 {
		opts.Runner.Timeout = DefaultCellTimeout
	}
	opts.Runner.OutDir = ""
	var mu sync.Mutex
	progress := func(nb string, v *VariantResult) {
		if opts.Progress != nil {
			mu.Lock()
			defer mu.Unlock()
			opts.Progress(nb, v)
		}
	}
	proof := &Proof{Notebooks: make([]*NotebookProof, len(jobs)), Mutants: opts.Mutants}
	// Each notebook is read and planned first; then its units (its
	// variants, and with Mutants each exercise's mutants) run Jobs at a
	// time, each unit in a kernel of its own.
	var units []*unit
	for i, j := range jobs {
		p, us := prepareNotebook(j.Path, opts)
		proof.Notebooks[i] = p
		units = append(units, us...)
	}
	sem := make(chan struct{}, opts.Jobs)
	var wg sync.WaitGroup
	for _, u := range units {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			u.run(ctx, opts, progress)
		}()
	}
	wg.Wait()
	proof.Duration = time.Since(start)
	return proof, nil
}

// plan is one variant's cells.
type plan struct {
	variant *VariantResult
	ex      *Exercise
	setup   []string         // the declaration cells the exercise needs, in order
	cells   []*notebook.Cell // the solution cell (variant's version), then the check cells
	checks  []float64        // the check cells' nbgrader points
	// merged is set when the solution cell is merged into the first check
	// cell (one build instead of two): then cells holds the check cells.
	merged bool
	// dirty is set when the variant's solution cell redeclares a name that
	// a declaration cell declares (or cannot be parsed): the declaration
	// cells run again before the next variant.
	dirty bool
	// refused says why fearless grade would refuse the variant's solution
	// before it runs (package guard), when it would.
	refused string
}

// unit is a list of plans run in one kernel, in order.
type unit struct {
	proof *NotebookProof
	n     *Notebook
	plans []*plan
	start *time.Time // when the notebook's first unit started (guarded by mu)
	// left counts the notebook's units still running (guarded by mu); the
	// last one to end sets the notebook's Duration.
	left *int
	mu   *sync.Mutex
}

func (u *unit) run(ctx context.Context, opts ProveOptions, progress func(string, *VariantResult)) {
	u.mu.Lock()
	if u.start.IsZero() {
		*u.start = time.Now()
	}
	u.mu.Unlock()
	defer func() {
		u.mu.Lock()
		defer u.mu.Unlock()
		if *u.left--; *u.left == 0 {
			u.proof.Duration = time.Since(*u.start)
		}
	}()
	plans := u.plans
	for len(plans) > 0 && ctx.Err() == nil {
		done := runPlans(ctx, opts.Runner, u.n, plans, func(v *VariantResult) { progress(u.n.Path, v) })
		plans = plans[done:]
	}
	if err := ctx.Err(); err != nil && len(plans) > 0 {
		u.mu.Lock()
		u.proof.Err = fmt.Errorf("stopped: %w", context.Cause(ctx))
		u.mu.Unlock()
	}
}

// prepareNotebook reads and validates a notebook and lays out its units:
// none when it cannot run.
func prepareNotebook(path string, opts ProveOptions) (*NotebookProof, []*unit) {
	start := time.Now()
	p := &NotebookProof{Path: path}
	defer func() { p.Duration = time.Since(start) }() // until its units end
	n, err := Read(path)
	if err != nil {
		p.Err = err
		return p, nil
	}
	if p.Problems = Validate(n); len(p.Problems) > 0 {
		return p, nil
	}
	plans, err := planVariants(n)
	if err != nil {
		p.Err = err
		return p, nil
	}
	groups := [][]*plan{plans}
	if g := planGraded(n); len(g) > 0 {
		groups = append(groups, g)
	}
	if opts.Mutants {
		for _, ex := range n.Exercises {
			mplans, na := planMutants(n, ex)
			p.NotApplicable = append(p.NotApplicable, na...)
			if len(mplans) > 0 {
				groups = append(groups, mplans)
			}
		}
	}
	left, mu, first := len(groups), &sync.Mutex{}, time.Time{}
	var units []*unit
	for _, g := range groups {
		for _, pl := range g {
			p.Variants = append(p.Variants, pl.variant)
		}
		units = append(units, &unit{proof: p, n: n, plans: g, start: &first, left: &left, mu: mu})
	}
	return p, units
}

// planVariants lays out every variant of every exercise.
func planVariants(n *Notebook) ([]*plan, error) {
	student, err := Student(n)
	if err != nil {
		return nil, err
	}
	var plans []*plan
	for _, ex := range n.Exercises {
		wrongs, err := WrongAnswers(n, ex.ID)
		if err != nil {
			return nil, err
		}
		e := exerciseContext(n, ex)
		plans = append(plans, e.plan(Variant{Exercise: ex.ID, Kind: KindReference}, n.NB.Cells[ex.Solution].Source, n.NB))
		for _, w := range wrongs {
			plans = append(plans, e.plan(Variant{Exercise: ex.ID, Kind: KindWrong, Name: w.Name, Why: w.Why, File: w.Path}, w.Source, n.NB))
		}
		plans = append(plans, e.plan(Variant{Exercise: ex.ID, Kind: KindStudent}, student.Cells[ex.Solution].Source, student))
	}
	return plans, nil
}

// AsGraded names the reference variant run as fearless grade runs it: every
// cell built with the race detector, the program stopped at its first data
// race. A reference that passes only without the race detector would lose
// points to the grader (a race of its own, or a check that depends on the
// schedule, which the race detector shuffles).
const AsGraded = "as graded"

// planGraded lays out each exercise's reference solution as graded, in a
// kernel of its own (gonb keeps %goflags and %env for later cells).
func planGraded(n *Notebook) []*plan {
	var plans []*plan
	for _, ex := range n.Exercises {
		pl := exerciseContext(n, ex).plan(Variant{Exercise: ex.ID, Kind: KindReference, Name: AsGraded}, n.NB.Cells[ex.Solution].Source, n.NB)
		withGoflag(pl.cells, "-race")
		pl.cells[0].Source = graderRaceLine + "\n" + pl.cells[0].Source
		plans = append(plans, pl)
	}
	return plans
}

// graderRaceLine makes a program stop at its first data race, as fearless
// grade runs check cells (helpers/check then skips the checks after one
// that timed out).
const graderRaceLine = "%env GORACE halt_on_error=1"

// planMutants lays out the mutants of an exercise's reference solution,
// leaving out (and listing) those its solution cell declares not
// applicable. Each mutant's cells are built with its tags, and stop at
// the first failed check.
func planMutants(n *Notebook, ex *Exercise) ([]*plan, []NotApplicable) {
	cell := n.NB.Cells[ex.Solution]
	skip := notApplicable(cell)
	e := exerciseContext(n, ex)
	var plans []*plan
	var na []NotApplicable
	for _, m := range Mutants(cell.Source) {
		if why, ok := skip[m.Name]; ok {
			na = append(na, NotApplicable{Exercise: ex.ID, Mutant: m.Name, Reason: why})
			continue
		}
		pl := e.plan(Variant{Exercise: ex.ID, Kind: KindMutant, Name: m.Name, Why: m.What}, m.Source, n.NB)
		withTags(pl.cells, m.Tags)
		pl.cells[0].Source = failFastLine + "\n" + pl.cells[0].Source
		plans = append(plans, pl)
	}
	for name, why := range skip {
		if !slices.ContainsFunc(na, func(x NotApplicable) bool { return x.Mutant == name }) {
			na = append(na, NotApplicable{Exercise: ex.ID, Mutant: name, Reason: "(no such mutant: " + why + ")"})
		}
	}
	return plans, na
}

// failFastLine makes a mutant's checks stop at the first failed one
// (helpers/check reads FEARLESS_CHECK_FAILFAST): one failure kills it.
const failFastLine = "%env " + check.FailFastEnv + " 1"

// exercise is what every variant of an exercise shares.
type exerciseCtx struct {
	ex        *Exercise
	setup     []string
	declNames map[string]bool
	refNames  []string
	points    []float64
	allowed   []string // packages the solution may use beyond guard.DefaultAllow
}

func exerciseContext(n *Notebook, ex *Exercise) *exerciseCtx {
	e := &exerciseCtx{ex: ex, declNames: map[string]bool{}}
	for _, idx := range n.Needs(ex) {
		if idx == ex.Solution {
			break
		}
		e.setup = append(e.setup, n.NB.Cells[idx].Source)
		names, _ := declared(n.NB.Cells[idx].Source)
		for _, name := range names {
			e.declNames[name] = true
		}
	}
	e.refNames, _ = declared(n.NB.Cells[ex.Solution].Source)
	e.allowed = Allowed(n.NB.Cells[ex.Solution])
	for _, idx := range ex.Checks {
		m, _ := MetaOf(n.NB.Cells[idx])
		e.points = append(e.points, m.Points)
	}
	return e
}

// plan lays out one variant: its solution, then the check cells of checks.
func (e *exerciseCtx) plan(v Variant, solution string, checks *notebook.Notebook) *plan {
	pl := &plan{variant: &VariantResult{Variant: v}, ex: e.ex, setup: e.setup, checks: e.points}
	var checkSrcs []string
	for _, idx := range e.ex.Checks {
		checkSrcs = append(checkSrcs, checks.Cells[idx].Source)
	}
	pl.refused = guardProblem(e.setup, solution, e.allowed, checkSrcs)
	pl.cells = append(pl.cells, notebook.NewCode(solution))
	for _, src := range checkSrcs {
		pl.cells = append(pl.cells, notebook.NewCode(src))
	}
	if one, ok := merge(solution, pl.cells[1].Source); ok {
		pl.cells = append([]*notebook.Cell{notebook.NewCode(one)}, pl.cells[2:]...)
		pl.merged = true
	}
	names, ok := declared(solution)
	pl.dirty = !ok
	for _, name := range names {
		if e.declNames[name] && !slices.Contains(e.refNames, name) {
			pl.dirty = true
		}
	}
	return pl
}

// resetCell clears gonb's memorized declarations.
const resetCell = "%reset"

// runPlans runs plans in one kernel, in order, judges each variant as soon
// as its cells are done, and returns how many plans it finished: all of
// them, unless the kernel died (the variant it died in counts as finished,
// and failed).
//
// The kernel is reused: an exercise's declaration cells run once (after a
// %reset), then each variant runs its solution cell and the check cells;
// gonb's newer declarations replace older ones of the same name. When a
// variant redeclared something of the declaration cells, they run again.
func runPlans(ctx context.Context, opts runner.Options, n *Notebook, plans []*plan, judged func(*VariantResult)) int {
	nb := notebook.New("", "", "go")
	nb.Metadata = n.NB.Metadata
	obs := &planObserver{plans: plans, report: judged, cells: map[int]*runner.CellResult{}, judged: map[int]bool{}}
	var setup []int
	for i, pl := range plans {
		if i == 0 || pl.ex != plans[i-1].ex || plans[i-1].dirty {
			setup = nil
			if i > 0 {
				setup = append(setup, len(nb.Cells))
				nb.Add(notebook.NewCode(resetCell))
			}
			for _, src := range pl.setup {
				setup = append(setup, len(nb.Cells))
				nb.Add(notebook.NewCode(src))
			}
		}
		obs.setup = append(obs.setup, setup)
		obs.first = append(obs.first, len(nb.Cells))
		for _, c := range pl.cells {
			nb.Add(c)
		}
	}
	opts.Observer = obs
	// Every cell has code, so the runner's CellResult.Index is the index
	// in nb.
	res := runner.New(opts).Execute(ctx, nb, n.Path)
	for _, c := range res.Cells {
		obs.cells[c.Index] = c
	}
	for i, pl := range plans {
		if obs.judged[i] {
			continue
		}
		cells := obs.span(i)
		if cells[0] == nil || cells[0].Status == runner.NotRun {
			if i == 0 { // the kernel did not start, or died before any variant ran
				why := "not run"
				if res.Err != nil {
					why += ": " + res.Err.Error()
				}
				for _, rest := range plans {
					rest.variant.Problem = why
					judged(rest.variant)
				}
				return len(plans) // nothing will run in this notebook
			}
			return i
		}
		// The kernel died or stopped answering during this variant.
		pl.variant.Problem = "the kernel died: " + died(cells, res.Err)
		if pl.variant.Kind == KindMutant { // its cell hung or crashed the kernel: caught
			pl.variant.OK, pl.variant.Problem, pl.variant.Verdict = true, "", "killed: "+died(cells, res.Err)
		}
		pl.variant.Cells = cells
		judged(pl.variant)
		return i + 1
	}
	return len(plans)
}

// died says why a variant's cells stopped.
func died(cells []*runner.CellResult, err error) string {
	for _, c := range cells {
		if c != nil && (c.Status == runner.KernelDied || c.Status == runner.TimedOut) {
			return c.Message()
		}
	}
	if err != nil {
		return err.Error()
	}
	return "its cells did not all run"
}

// planObserver judges each variant as soon as its last cell is done. The
// runner calls it from one goroutine, in order.
type planObserver struct {
	plans  []*plan
	setup  [][]int // indexes in the combined notebook of the declaration cells each plan relies on
	first  []int   // index in the combined notebook of each plan's first cell
	cells  map[int]*runner.CellResult
	judged map[int]bool
	report func(*VariantResult)
}

func (o *planObserver) RunStarted(int, int)                     {}
func (o *planObserver) NotebookStarted(string, int)             {}
func (o *planObserver) CellStarted(string, *runner.CellResult)  {}
func (o *planObserver) NotebookFinished(*runner.NotebookResult) {}

func (o *planObserver) CellFinished(_ string, c *runner.CellResult) {
	o.cells[c.Index] = c
	for i, pl := range o.plans {
		if c.Index != o.first[i]+len(pl.cells)-1 || o.judged[i] || c.Status == runner.KernelDied {
			continue
		}
		var setup []*runner.CellResult
		for _, k := range o.setup[i] {
			setup = append(setup, o.cells[k])
		}
		judge(pl, setup, o.span(i))
		o.judged[i] = true
		o.report(pl.variant)
	}
}

// span returns plan i's cells (nil where not run).
func (o *planObserver) span(i int) []*runner.CellResult {
	cells := make([]*runner.CellResult, len(o.plans[i].cells))
	for k := range cells {
		cells[k] = o.cells[o.first[i]+k]
	}
	return cells
}

// judge decides whether a variant behaved as its kind must.
func judge(pl *plan, setup, cells []*runner.CellResult) {
	v := pl.variant
	v.Cells = cells
	for _, c := range cells {
		v.Duration += c.Duration
	}
	fail := func(format string, args ...any) { v.OK, v.Problem = false, fmt.Sprintf(format, args...) }
	if pl.refused != "" {
		fail("%s", pl.refused)
		return
	}
	for _, c := range setup {
		if c == nil || c.Status != runner.OK {
			msg := "not run"
			if c != nil {
				msg = c.Message()
			}
			fail("a declaration cell the exercise needs failed: %s", msg)
			return
		}
	}
	checkCells := cells
	if !pl.merged {
		checkCells = cells[1:]
	}
	if sol := cells[0]; !pl.merged && sol.Status != runner.OK {
		what := "the solution cell"
		if v.Kind == KindWrong {
			what = "the wrong answer (it must compile: a wrong answer that does not build proves nothing)"
		} else if v.Kind == KindStudent {
			what = "the student's stub (it must compile)"
		}
		fail("%s failed: %s", what, sol.Message())
		return
	}
	v.Results = make([]*check.Result, len(checkCells))
	var failedChecks []string
	crashed := ""
	for i, c := range checkCells {
		r, err := resultOf(c)
		v.Results[i] = r
		if err != nil && crashed == "" {
			crashed = fmt.Sprintf("check cell %d: %v (%s: %s)", i+1, err, c.Status, c.Message())
		}
		if r != nil {
			for _, k := range r.Failed() {
				failedChecks = append(failedChecks, fmt.Sprintf("%s (%s: %s)", k.Name, k.Status, firstLine(k.Message)))
			}
		}
	}
	score, max := 0.0, 0.0
	for _, r := range v.Results {
		if r != nil {
			score, max = score+r.Score, max+r.MaxScore
		}
	}
	switch v.Kind {
	case KindReference:
		if crashed != "" {
			fail("%s", crashed)
			return
		}
		for i, c := range checkCells {
			r := v.Results[i]
			switch {
			case c.Status != runner.OK || !r.Passed():
				fail("the reference solution fails: %s", strings.Join(failedChecks, "; "))
				if len(failedChecks) == 0 {
					fail("the reference solution's check cell %d failed: %s", i+1, c.Message())
				}
				return
			case r.GradeID != pl.ex.ID:
				fail("check cell %d reports grade_id %q, want %q", i+1, r.GradeID, pl.ex.ID)
				return
			case r.MaxScore != pl.checks[i]:
				fail("check cell %d: its checks are worth %s points, but its nbgrader points are %s (make them equal with check.Points)", i+1, pyNum(r.MaxScore), pyNum(pl.checks[i]))
				return
			}
		}
		v.OK, v.Verdict = true, fmt.Sprintf("full marks, %s/%s", pyNum(score), pyNum(max))
	case KindWrong:
		switch {
		case len(failedChecks) > 0:
			v.OK, v.Verdict = true, fmt.Sprintf("%s/%s, failed: %s", pyNum(score), pyNum(max), strings.Join(failedChecks, "; "))
		case crashed != "" && runtimeCrash(checkCells) != "":
			// The program died where no check could catch it (a fatal
			// error such as concurrent map writes, a panic in a goroutine
			// of its own): the cell fails, so nbgrader and a grader score 0.
			v.OK, v.Verdict = true, "crashed before its checks reported: "+runtimeCrash(checkCells)
		case crashed != "":
			fail("the check cell did not run its checks (does the wrong answer keep the solution's names and signatures?): %s", crashed)
		default:
			fail("passed every check (%s/%s): the checks do not catch this wrong answer", pyNum(score), pyNum(max))
		}
	case KindMutant:
		var real []string
		for _, f := range failedChecks {
			if !strings.Contains(f, "skipped: an earlier check failed") {
				real = append(real, f)
			}
		}
		switch {
		case len(real) > 0:
			v.OK, v.Verdict = true, "killed: "+real[0]
		case runtimeCrash(checkCells) != "":
			v.OK, v.Verdict = true, "killed: crashed: "+runtimeCrash(checkCells)
		case crashed != "":
			fail("stillborn: the mutant did not run its checks (it must build): %s", crashed)
		default:
			fail("survived: passed every check (%s/%s): the checks do not notice that %s", pyNum(score), pyNum(max), v.Why)
		}
	case KindStudent:
		if crashed != "" {
			fail("not calm: %s", crashed)
			return
		}
		if len(failedChecks) == 0 {
			fail("the student version passes every check (%s/%s): is the solution region marked?", pyNum(score), pyNum(max))
			return
		}
		for _, r := range v.Results {
			for _, k := range r.Failed() {
				if k.Status != check.StatusNotImplemented {
					fail("not calm: check %q says %s: %s (want \"not implemented yet\")", k.Name, k.Status, firstLine(k.Message))
					return
				}
			}
		}
		for i, c := range checkCells {
			if trace := stackTrace(c.Stderr); trace != "" {
				fail("not calm: check cell %d printed a stack trace: %s", i+1, trace)
				return
			}
		}
		v.OK, v.Verdict = true, fmt.Sprintf("%s/%s, not implemented yet", pyNum(score), pyNum(max))
	}
}

// runtimeCrash returns the line of a check cell's stderr that shows the
// program died at run time ("fatal error: ...", "panic: ..."), "" if none.
func runtimeCrash(cells []*runner.CellResult) string {
	for _, c := range cells {
		if c.Status == runner.OK {
			continue
		}
		for _, line := range strings.Split(c.Stderr, "\n") {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, "fatal error:") || strings.HasPrefix(t, "panic:") {
				return t
			}
		}
	}
	return ""
}

// resultOf finds the check result a check cell sent.
func resultOf(c *runner.CellResult) (*check.Result, error) {
	var found *check.Result
	for _, o := range c.Outputs {
		v, ok := o.Data[check.ResultMIME]
		if !ok {
			continue
		}
		r, err := check.DecodeResult(v)
		if err != nil {
			return nil, err
		}
		if found != nil {
			return nil, errors.New("the check cell sent two results (call Done once)")
		}
		found = r
	}
	if found == nil {
		return nil, errors.New("no check result (did ex.Done run?)")
	}
	return found, nil
}

// stackTrace returns the first line of stderr that shows a panic or a
// goroutine dump, "" if none.
func stackTrace(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "panic:") || strings.HasPrefix(t, "goroutine ") || strings.HasPrefix(t, "fatal error:") {
			return t
		}
	}
	return ""
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func pyNum(f float64) string { return strings.TrimSuffix(pyFloat(f), ".0") }

// WriteText writes the proof: a line per variant that misbehaved, a line
// per notebook, and a summary.
func (p *Proof) WriteText(w io.Writer) error {
	var variants, bad int
	for _, n := range p.Notebooks {
		status := "ok"
		if !n.OK() {
			status = "FAILED"
		}
		fmt.Fprintf(w, "%-6s %s: %d variants in %s\n", status, n.Path, len(n.Variants), n.Duration.Round(100*time.Millisecond))
		for _, pr := range n.Problems {
			fmt.Fprintf(w, "  %s\n", pr.Error())
		}
		if n.Err != nil {
			fmt.Fprintf(w, "  %v\n", n.Err)
		}
		for _, v := range n.Variants {
			variants++
			if !v.OK {
				bad++
				fmt.Fprintf(w, "  ✗ %s: %s\n", v.Variant, v.Problem)
			}
		}
	}
	verdict := "proven"
	if !p.OK() {
		verdict = "FAILED"
	}
	_, err := fmt.Fprintf(w, "fearless prove: %s: %d notebooks, %d variants, %d misbehaved, in %s\n",
		verdict, len(p.Notebooks), variants, bad, p.Duration.Round(100*time.Millisecond))
	if !p.Mutants || err != nil {
		return err
	}
	for _, n := range p.Notebooks {
		for _, na := range n.NotApplicable {
			fmt.Fprintf(w, "not applicable: %s %s mutant %s: %s\n", filepath.Base(n.Path), na.Exercise, na.Mutant, na.Reason)
		}
	}
	killed, applicable := p.MutantScore()
	percent := 100
	if applicable > 0 {
		percent = killed * 100 / applicable
	}
	// The last line, exactly: CI and make test read it.
	_, err = fmt.Fprintf(w, "mutants: %d killed of %d applicable (%d%%)\n", killed, applicable, percent)
	return err
}

// Line is a variant's one-line report, for progress output.
func (v *VariantResult) Line(nb string) string {
	mark := "✓"
	text := v.Verdict
	if !v.OK {
		mark, text = "✗", v.Problem
	}
	return fmt.Sprintf("%s %s %s: %s (%s)", mark, filepath.Base(nb), v.Variant, text, v.Duration.Round(100*time.Millisecond))
}
