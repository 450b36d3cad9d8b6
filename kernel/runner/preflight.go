package runner

import (
	"errors"
	"sort"

	"github.com/fearless-go/fearless/kernel/notebook"
)

// Preflight checks, before anything runs, that every kernel the jobs need
// is installed, so a missing kernel is one clear error rather than a failure
// per notebook. Unreadable notebooks are left for the run to report.
func (r *Runner) Preflight(jobs []Job) error {
	names := map[string]bool{}
	for _, j := range jobs {
		name := r.opts.Kernel
		if name == "" {
			if nb, err := notebook.Read(j.Path); err == nil {
				name = nb.KernelName()
			}
		}
		if name == "" {
			name = DefaultKernel
		}
		names[name] = true
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var errs []error
	for _, n := range sorted {
		if _, err := r.opts.findSpec(n); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
