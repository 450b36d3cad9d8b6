package runner

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// Runner executes notebooks with fixed Options. It is safe to reuse for
// several runs, one at a time.
type Runner struct {
	opts Options
}

// New returns a Runner.
func New(opts Options) *Runner { return &Runner{opts: opts.withDefaults()} }

// Run executes the notebooks and directories in args, in order, writing
// executed copies under Options.OutDir. Problems with one notebook are in its
// result; the error is only for arguments that name nothing.
func (r *Runner) Run(ctx context.Context, args []string) (*Summary, error) {
	jobs, err := Collect(args, r.opts.OutDir)
	if err != nil {
		return nil, err
	}
	return r.RunJobs(ctx, jobs), nil
}

// RunJobs executes the jobs in order and returns the summary.
func (r *Runner) RunJobs(ctx context.Context, jobs []Job) *Summary {
	start := time.Now()
	type loaded struct {
		nb  *notebook.Notebook
		err error
	}
	all := make([]loaded, len(jobs))
	cells := 0
	for i, j := range jobs {
		all[i].nb, all[i].err = notebook.Read(j.Path)
		if all[i].nb != nil {
			cells += len(codeCells(all[i].nb))
		}
	}
	r.opts.Observer.RunStarted(len(jobs), cells)
	s := &Summary{}
	for i, j := range jobs {
		res := &NotebookResult{Path: j.Path, Err: all[i].err}
		if res.Err != nil {
			r.opts.Observer.NotebookStarted(j.Path, 0)
		} else if ctx.Err() != nil {
			res.Err = fmt.Errorf("not run: %w", context.Cause(ctx))
			r.opts.Observer.NotebookStarted(j.Path, 0)
		} else {
			res = r.Execute(ctx, all[i].nb, j.Path)
			if j.Out != "" {
				if err := notebook.Write(j.Out, all[i].nb); err != nil {
					res.Err = errors.Join(res.Err, err)
				} else {
					res.Output = j.Out
				}
			}
		}
		r.opts.Observer.NotebookFinished(res)
		s.Notebooks = append(s.Notebooks, res)
	}
	s.Duration = time.Since(start)
	return s
}

// codeCells returns the indexes of the cells that run: code cells with
// something in them (empty ones are skipped, as nbclient does).
func codeCells(nb *notebook.Notebook) []int {
	var idx []int
	for i, c := range nb.Cells {
		if c.CellType == notebook.Code && strings.TrimSpace(c.Source) != "" {
			idx = append(idx, i)
		}
	}
	return idx
}

// Execute runs an in-memory notebook in a fresh kernel, filling its cells'
// outputs and execution counts. path names it in results and sets the
// kernel's working directory ("" for the current one).
func (r *Runner) Execute(ctx context.Context, nb *notebook.Notebook, path string) *NotebookResult {
	start := time.Now()
	res := &NotebookResult{Path: path, Notebook: nb, Kernel: r.opts.Kernel}
	if res.Kernel == "" {
		res.Kernel = nb.KernelName()
	}
	if res.Kernel == "" {
		res.Kernel = DefaultKernel
	}
	idx := codeCells(nb)
	nb.ClearOutputs()
	r.opts.Observer.NotebookStarted(path, len(idx))
	defer func() { res.Duration = time.Since(start) }()
	for n, i := range idx {
		c := nb.Cells[i]
		res.Cells = append(res.Cells, &CellResult{Index: i, Number: n + 1, ID: c.ID, Source: c.Source, Status: NotRun, Allowed: c.HasTag(AllowErrorsTag)})
	}
	if len(idx) == 0 {
		return res
	}

	spec, err := r.opts.findSpec(res.Kernel)
	if err != nil {
		res.Err = err
		return res
	}
	dir := ""
	if path != "" {
		dir = filepath.Dir(path)
	}
	k, err := jupyter.Start(ctx, spec, jupyter.StartOptions{Dir: dir, Env: r.opts.Env, StartupTimeout: r.opts.StartupTimeout})
	if err != nil {
		res.Err = err
		return res
	}
	defer func() {
		stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
		defer cancel()
		_ = k.Shutdown(stop)
	}()
	if li := k.Info().LanguageInfo; li != nil {
		nb.Metadata["language_info"] = li
	}

	x := &execution{opts: r.opts, kernel: k, displays: map[string][]*notebook.Output{}}
	for n, i := range idx {
		cr := res.Cells[n]
		if ctx.Err() != nil {
			res.Err = fmt.Errorf("stopped before %s: %w", cr.Name(), context.Cause(ctx))
			break
		}
		r.opts.Observer.CellStarted(path, cr)
		x.run(ctx, nb.Cells[i], cr)
		r.opts.Observer.CellFinished(path, cr)
		if x.dead != nil {
			res.Err = x.dead
			break
		}
	}
	return res
}
