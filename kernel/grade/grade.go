package grade

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/guard"
	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/kernel/proxy"
	"github.com/fearless-go/fearless/kernel/runner"
)

// Defaults for Options.
const (
	DefaultTimeout     = 30 * time.Second // per cell
	DefaultOutputLimit = 1 << 20          // bytes of output per cell
	DefaultJobs        = 2
	// DefaultBudget bounds one submission's run, whatever its cells ×
	// the timeout would allow.
	DefaultBudget = 5 * time.Minute
	// MaxSubmissionSize is the largest file read as a submission.
	MaxSubmissionSize = 32 << 20
)

// Options configure Grade.
type Options struct {
	Source      string // the instructor's notebook: solutions and hidden checks in it
	Submissions string // a directory whose entries are submissions (files, or folders holding a notebook)
	// One makes Submissions a single submission (a file, or a folder holding
	// the notebook, as Gradescope's /autograder/submission); its files go
	// straight into Out.
	One     bool
	Out     string        // where feedback, results and the gradebook go
	Timeout time.Duration // how long one cell may run (DefaultTimeout)
	// Budget is how long one submission's run may take in all
	// (DefaultBudget): the cells still to run then score 0.
	Budget time.Duration
	// HiddenVisibility is the Gradescope visibility of the results of
	// hidden checks (DefaultHiddenVisibility); visible checks' are "visible".
	HiddenVisibility string
	OutputLimit      int    // bytes of output one cell may print (DefaultOutputLimit)
	Jobs             int    // submissions graded at once, each in its own kernel (DefaultJobs)
	Kernel           string // kernelspec (default: the source's, else "fearless")
	// NoCache grades every submission again, even those graded before with
	// the same submission, source and fearless version.
	NoCache bool
	// Progress receives progress: a bar on a terminal, a line per
	// submission otherwise, JSON lines when JSON is set. nil: none.
	Progress io.Writer
	JSON     bool
	// SameUser runs submissions as the grader's own user even when it is
	// root. By default a grader running as root (Gradescope's does) runs
	// each submission's programs as a user of its own, one no account uses
	// (see sandbox.go): it cannot read the source notebook, the output
	// folder, the cache's seal key or another submission's files.
	SameUser bool
	// AllowRaces builds graded cells without the race detector. By default
	// every graded cell is built with -race and its program stops at its
	// first data race (GORACE=halt_on_error=1): a data race breaks Go's
	// memory safety — racing on an interface or slice variable, code that
	// uses only allowed packages can read and write the check program's
	// memory (its results, its key), which the package guard cannot see —
	// and halting at the first race stops that before it succeeds; a racy
	// answer scores 0 on the cell that raced. AllowRaces is for a class you
	// trust: builds and runs 2–3 times faster, and a racy answer keeps the
	// checks it passed, but a submission can then forge its score.
	AllowRaces bool
	// Env adds KEY=VALUE pairs to every kernel's environment.
	Env []string
	// FindSpec looks kernelspecs up by name (default kernelspec.Find).
	FindSpec func(name string) (*kernelspec.Spec, error)
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.OutputLimit <= 0 {
		o.OutputLimit = DefaultOutputLimit
	}
	if o.Jobs <= 0 {
		o.Jobs = DefaultJobs
	}
	if o.Budget <= 0 {
		o.Budget = DefaultBudget
	}
	if o.HiddenVisibility == "" {
		o.HiddenVisibility = DefaultHiddenVisibility
	}
	return o
}

// Class is the outcome of grading every submission.
type Class struct {
	Source      string        `json:"source"`
	Exercises   []ExerciseDef `json:"exercises"`
	MaxScore    float64       `json:"max_score"`
	Submissions []*Submission `json:"submissions"`
	Duration    time.Duration `json:"-"`
	Out         string        `json:"-"`
}

// ExerciseDef is an exercise of the source and what it is worth.
type ExerciseDef struct {
	ID     string  `json:"id"`
	Points float64 `json:"points"`
}

// Submission is one submission's grade.
type Submission struct {
	Name      string      `json:"name"` // the entry's name without its extension
	Path      string      `json:"path"`
	Score     float64     `json:"score"`
	MaxScore  float64     `json:"max_score"`
	Status    string      `json:"status"` // StatusGraded, StatusUnreadable or StatusError
	Problem   string      `json:"problem,omitempty"`
	Exercises []*Exercise `json:"exercises"`
	Notes     []string    `json:"notes,omitempty"` // what the grader did about the submission
	Seconds   float64     `json:"execution_time"`
	Cells     []CellRun   `json:"cells,omitempty"` // the cells that ran, for whoever wonders where the time went
	Key       string      `json:"key"`             // the cache key: submission, source, options, fearless version
	Seal      string      `json:"seal,omitempty"`  // the grader's HMAC over this grade and its feedback files (seal.go)
	Cached    bool        `json:"-"`
	Dir       string      `json:"-"` // where its feedback is
	hiddenVis string      // Options.HiddenVisibility
}

// CellRun is one cell of a submission's run.
type CellRun struct {
	Cell    int     `json:"cell"` // index in the feedback notebook's graded cells
	Status  string  `json:"status"`
	Seconds float64 `json:"seconds"`
}

// Submission statuses.
const (
	StatusGraded     = "graded"     // it ran (or had nothing to run) and was scored
	StatusUnreadable = "unreadable" // not a notebook: every exercise scores 0
	StatusError      = "error"      // the grader could not run it (kernel would not start): not cached
)

// StatusRefused is the status of a check cell that did not run because
// the learner's code was refused (package guard).
const StatusRefused = "refused"

// Exercise is one exercise's grade.
type Exercise struct {
	ID       string  `json:"id"`
	Score    float64 `json:"score"`
	MaxScore float64 `json:"max_score"`
	Reason   string  `json:"reason,omitempty"`  // why points were lost, in a line
	Refused  bool    `json:"refused,omitempty"` // the learner's code was refused before it ran (Reason says why)
	Checks   []Check `json:"checks"`
}

// Check is one check's grade, as the instructor's check cell reported it.
type Check struct {
	Name     string  `json:"name"`
	Score    float64 `json:"score"`
	MaxScore float64 `json:"max_score"`
	Status   string  `json:"status"`           // helpers/check's status, not-run or refused
	Hidden   bool    `json:"hidden,omitempty"` // a hidden check (its name is not in the handout's check cell)
	Message  string  `json:"message,omitempty"`
}

// Grade grades every submission against the source and writes, under Out,
// a folder per submission (feedback.ipynb, feedback.html, results.json in
// Gradescope's format, grade.json) and gradebook.csv. A submission graded
// before with the same file, source, options and fearless version is not
// run again. The error is for a source that cannot be used or submissions
// that cannot be listed; whatever a submission holds, it gets a row.
func Grade(ctx context.Context, opts Options) (*Class, error) {
	opts = opts.withDefaults()
	start := time.Now()
	if canDrop() && !opts.SameUser && opts.Out != "" {
		// Submissions run as users of their own: the output (other
		// learners' feedback, their grades) is the grader's alone.
		if err := os.MkdirAll(opts.Out, 0o700); err != nil {
			return nil, err
		}
		if err := os.Chmod(opts.Out, 0o700); err != nil {
			return nil, err
		}
	}
	srcBytes, err := os.ReadFile(opts.Source)
	if err != nil {
		return nil, err
	}
	src, err := exercise.Read(opts.Source)
	if err != nil {
		return nil, err
	}
	// Parsed without its path: wrong answers are prove's business, not the grader's.
	if probs := exercise.Validate(exercise.Parse(src.NB, "")); len(probs) > 0 {
		var msgs []string
		for _, p := range probs {
			msgs = append(msgs, p.Error())
		}
		return nil, fmt.Errorf("the source notebook has problems:\n%s", strings.Join(msgs, "\n"))
	}
	if len(src.Exercises) == 0 {
		return nil, fmt.Errorf("%s: no exercises to grade", opts.Source)
	}
	handout, err := exercise.Student(src)
	if err != nil {
		return nil, err
	}
	switch opts.HiddenVisibility {
	case "hidden", "after_due_date", "after_published", "visible":
	default:
		return nil, fmt.Errorf("hidden visibility %q: want hidden, after_due_date, after_published or visible", opts.HiddenVisibility)
	}
	subs, err := collect(opts.Submissions, opts.One)
	if err != nil {
		return nil, err
	}
	if err := runner.New(runner.Options{Kernel: opts.Kernel, FindSpec: opts.FindSpec}).Preflight([]runner.Job{{Path: opts.Source}}); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, err
	}
	// The grader's own tools run now, before any submission: then every
	// child of the grader without a run's mark is an escapee (sandbox.close).
	goEnv()
	guard.Prepare()
	becomeReaper()
	c := &Class{Source: opts.Source, Out: opts.Out}
	for _, ex := range src.Exercises {
		c.Exercises = append(c.Exercises, ExerciseDef{ID: ex.ID, Points: ex.Points})
		c.MaxScore += ex.Points
	}
	g := &grader{opts: opts, src: src, handout: handout, srcHash: hash(srcBytes), class: c}
	prog := newProgress(opts.Progress, opts.JSON, len(subs))
	defer prog.close()

	c.Submissions = make([]*Submission, len(subs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Jobs, max(1, len(subs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				prog.started(subs[i].name)
				s := g.grade(ctx, subs[i])
				c.Submissions[i] = s
				prog.finished(s)
			}
		}()
	}
	for i := range subs {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	var done []*Submission
	for _, s := range c.Submissions {
		if s != nil {
			done = append(done, s)
		}
	}
	c.Submissions = done
	c.Duration = time.Since(start)
	if err := c.writeGradebook(); err != nil {
		return c, err
	}
	prog.summary(c)
	return c, context.Cause(ctx)
}

// entry is one submission to grade.
type entry struct {
	name string // unique, safe as a folder name, none of the grader's own
	path string // the file or folder
	bad  string // why it is not read, when it is not (a FIFO, a link out)
}

// collect lists the submissions: each entry of dir (hidden ones and
// checkpoints skipped), by name; or dir itself when one.
func collect(dir string, one bool) ([]entry, error) {
	if one {
		if _, err := os.Stat(dir); err != nil {
			return nil, err
		}
		return []entry{{name: safeName(filepath.Base(dir)), path: dir, bad: checkEntry(filepath.Dir(dir), filepath.Base(dir))}}, nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []entry
	seen := map[string]bool{}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") || e.Name() == "__MACOSX" {
			continue
		}
		name := safeName(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
		if e.IsDir() {
			name = safeName(e.Name())
		}
		if reserved[name] {
			name += "-submission"
		}
		for base, n := name, 2; seen[name] || reserved[name]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		seen[name] = true
		out = append(out, entry{name: name, path: filepath.Join(dir, e.Name()), bad: checkEntry(dir, e.Name())})
	}
	return out, nil
}

func safeName(s string) string {
	b := []byte(s)
	for i, ch := range b {
		ok := ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte("._-@+", ch) >= 0
		if !ok {
			b[i] = '_'
		}
	}
	if len(b) == 0 || b[0] == '.' {
		b = append([]byte("_"), b...)
	}
	return string(b)
}

// grader grades submissions against one source.
type grader struct {
	opts    Options
	src     *exercise.Notebook
	handout *notebook.Notebook
	srcHash string
	class   *Class
}

// dir is where a submission's files go.
func (g *grader) dir(e entry) string {
	if g.opts.One {
		return g.opts.Out
	}
	return filepath.Join(g.opts.Out, e.name)
}

// grade grades one submission and writes its files. It never fails: what
// went wrong is in the submission's row.
func (g *grader) grade(ctx context.Context, e entry) *Submission {
	start := time.Now()
	s := &Submission{Name: e.name, Path: e.path, MaxScore: g.class.MaxScore, Status: StatusGraded, Dir: g.dir(e), hiddenVis: g.opts.HiddenVisibility}
	var data []byte
	var file string
	var readErr error
	if e.bad != "" {
		data, readErr = []byte(e.bad), errors.New(e.bad)
	} else {
		data, file, readErr = readSubmission(e.path, filepath.Base(g.opts.Source))
	}
	if file != "" {
		s.Path = file
	}
	s.Key = hash([]byte(Version()), []byte(g.srcHash), data, []byte(fmt.Sprint(g.opts.Timeout, g.opts.OutputLimit, g.opts.Kernel, g.opts.Budget, g.opts.HiddenVisibility, g.opts.AllowRaces)))
	if !g.opts.NoCache {
		if old := readCached(s.Dir, s.Key); old != nil {
			old.Cached, old.Dir, old.Path, old.hiddenVis = true, s.Dir, s.Path, s.hiddenVis
			return old
		}
	}
	var nb *notebook.Notebook
	if readErr == nil {
		nb, readErr = notebook.Parse(data)
	}
	if readErr != nil {
		s.Status = StatusUnreadable
		s.Problem = readErr.Error()
	}
	p := restore(g.src, nb, g.handout)
	var cells []*runner.CellResult
	why := ""
	switch {
	case nb == nil:
		why = "the submission is not a notebook"
	case !p.attempted():
		why = "nothing to run"
	case len(p.refused) == len(g.src.Exercises):
		why = "every exercise was refused before it ran"
	default:
		sb, err := newSandbox(g.dropTo())
		if err != nil {
			s.Status, s.Problem = StatusError, err.Error()
			break
		}
		env := append(append(append([]string{}, g.opts.Env...), sb.env()...), check.KeyEnv+"="+p.key)
		if !g.opts.AllowRaces {
			env = haltOnRace(env)
		}
		r := runner.New(runner.Options{Kernel: g.opts.Kernel, Timeout: g.opts.Timeout, OutputLimit: g.opts.OutputLimit,
			Env: env, FindSpec: g.opts.FindSpec})
		run, cancel := context.WithTimeoutCause(ctx, g.opts.Budget, errBudget)
		res := r.Execute(run, p.run, sb.notebookPath())
		// A kernel that did not start (a port taken between its choice and
		// its bind, a busy machine) is the grader's problem: try again.
		for try := 1; try < 3 && res.Err != nil && started(res) == 0 && run.Err() == nil; try++ {
			res = r.Execute(run, p.run, sb.notebookPath())
		}
		if ctx.Err() == nil && run.Err() != nil {
			p.note("the run took its whole time budget (%s): the cells it had not finished score 0", g.opts.Budget)
			res.Err = fmt.Errorf("the run took its whole time budget (%s)", g.opts.Budget)
		}
		cancel()
		_ = sb.close()
		cells = res.Cells
		if ctx.Err() != nil { // interrupted: not the submission's doing, and not cached
			s.Status, s.Problem = StatusError, "grading was interrupted"
		}
		for n, c := range res.Cells {
			s.Cells = append(s.Cells, CellRun{Cell: p.runFrom[n], Status: string(c.Status), Seconds: c.Duration.Seconds()})
		}
		if res.Err != nil {
			why = res.Err.Error()
			if started(res) == 0 {
				s.Status, s.Problem = StatusError, "could not run: "+why
			}
		}
		for n, c := range p.run.Cells {
			gc := p.graded.Cells[p.runFrom[n]]
			gc.Outputs, gc.ExecutionCount = withoutPoints(c.Outputs), c.ExecutionCount
		}
	}
	exs, notes := score(g.src, p, cells, why)
	s.Exercises = exs
	s.Notes = append(p.notes, notes...)
	for _, ex := range exs {
		s.Score += ex.Score
	}
	s.Seconds = time.Since(start).Seconds()
	s.scrub()
	scrubOutputs(p.graded)
	if err := g.write(s, p); err != nil {
		s.Status, s.Problem = StatusError, "writing its feedback: "+err.Error()
	}
	return s
}

// withoutPoints drops the execute_result the kernel adds under a cell that
// sent check results (proxy.CheckPointsKey): it is there for stock
// nbgrader, scores nothing here, and the feedback shows the check block.
func withoutPoints(outs []*notebook.Output) []*notebook.Output {
	var kept []*notebook.Output
	for _, o := range outs {
		if _, ok := o.Metadata[proxy.CheckPointsKey]; ok && o.OutputType == notebook.ExecuteResult {
			continue
		}
		kept = append(kept, o)
	}
	return kept
}

// started counts the cells that ran.
func started(res *runner.NotebookResult) int {
	n := 0
	for _, c := range res.Cells {
		if c.Status != runner.NotRun {
			n++
		}
	}
	return n
}

// errBudget ends a submission's run that took its whole time budget.
var errBudget = errors.New("the submission's time budget is spent")

// readSubmission reads a submission: the file, or in a folder the notebook
// named like the source, else its only notebook (regular files only).
func readSubmission(path, sourceName string) (data []byte, file string, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, "", err
	}
	if fi.IsDir() {
		var found []string
		_ = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".ipynb") && !strings.Contains(p, ".ipynb_checkpoints") {
				found = append(found, p)
			}
			return nil
		})
		sort.Strings(found)
		for _, f := range found {
			if filepath.Base(f) == sourceName {
				found = []string{f}
				break
			}
		}
		switch len(found) {
		case 0:
			return []byte(path), "", errors.New("no notebook (*.ipynb) in the submission")
		case 1:
			path = found[0]
		default:
			return []byte(strings.Join(found, "\n")), "", fmt.Errorf("%d notebooks in the submission and none named %s", len(found), sourceName)
		}
		if fi, err = os.Stat(path); err != nil {
			return nil, "", err
		}
	}
	if fi.Size() > MaxSubmissionSize {
		return []byte(fmt.Sprint(path, fi.Size(), fi.ModTime())), path, fmt.Errorf("%d bytes: too large for a notebook (limit %d)", fi.Size(), MaxSubmissionSize)
	}
	data, err = readRegular(path, MaxSubmissionSize)
	if err != nil && data == nil {
		data = []byte(fmt.Sprint(path, err))
	}
	return data, path, err
}

// readCached returns the grade written before with this key, if it and its
// feedback files are as the grader wrote them (sealed).
func readCached(dir, key string) *Submission {
	raw, err := os.ReadFile(filepath.Join(dir, "grade.json"))
	if err != nil {
		return nil
	}
	var s Submission
	if json.Unmarshal(raw, &s) != nil || s.Key != key || s.Status == StatusError {
		return nil
	}
	if !sealed(&s, dir) { // not written by this grader, or changed since
		return nil
	}
	return &s
}

func hash(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Version names the grader for the cache: the module's version and VCS
// revision, and the grade format.
func Version() string {
	v := "grade/1"
	if info, ok := debug.ReadBuildInfo(); ok {
		v += " " + info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				v += " " + s.Value
			}
		}
	}
	return v
}

// haltOnRace adds -race to GOFLAGS and halt_on_error=1 to GORACE in env,
// keeping what they held (the last entry of a key is the one a process sees).
func haltOnRace(env []string) []string {
	add := func(key, value string) {
		old := ""
		for _, kv := range env {
			if k, v, ok := strings.Cut(kv, "="); ok && k == key {
				old = v
			}
		}
		env = append(env, key+"="+strings.TrimSpace(old+" "+value))
	}
	add("GOFLAGS", "-race")
	add("GORACE", "halt_on_error=1")
	return env
}
