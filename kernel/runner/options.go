package runner

import (
	"errors"
	"fmt"
	"time"

	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/launch"
)

// Defaults for Options.
const (
	DefaultKernel         = "fearless"
	DefaultTimeout        = 60 * time.Second
	DefaultOutputLimit    = 4 << 20 // bytes of output kept per cell
	DefaultStartupTimeout = 60 * time.Second
	DefaultInterruptGrace = 20 * time.Second
)

// AllowErrorsTag marks a cell that may fail without failing the notebook.
const AllowErrorsTag = "raises-exception"

// Options configure a Runner. The zero value uses the defaults above.
type Options struct {
	// Kernel, when set, is used for every notebook; otherwise a notebook's
	// metadata.kernelspec.name is used, or DefaultKernel when it has none.
	Kernel string
	// Timeout is the time one cell may run before it is interrupted.
	Timeout time.Duration
	// OutputLimit is how many bytes of output one cell may produce before
	// it is interrupted; what comes after is dropped.
	OutputLimit int
	// OutDir receives the executed copies; "" writes none.
	OutDir string
	// StartupTimeout bounds a kernel's start.
	StartupTimeout time.Duration
	// InterruptGrace is how long an interrupted cell may take to stop
	// before the kernel is declared stuck and killed.
	InterruptGrace time.Duration
	// Env adds KEY=VALUE pairs to every kernel's environment.
	Env []string
	// HTMLErrors keeps gonb's HTML error reports. By default the fearless
	// kernel is asked for plain-text errors (FEARLESS_RAW_ERROR=1), which
	// read well in summaries, logs and grades.
	HTMLErrors bool
	// Observer hears about progress; nil means nobody listens.
	Observer Observer
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
	if o.StartupTimeout <= 0 {
		o.StartupTimeout = DefaultStartupTimeout
	}
	if o.InterruptGrace <= 0 {
		o.InterruptGrace = DefaultInterruptGrace
	}
	if o.Observer == nil {
		o.Observer = nopObserver{}
	}
	if o.FindSpec == nil {
		o.FindSpec = kernelspec.Find
	}
	if !o.HTMLErrors {
		o.Env = append([]string{launch.RawErrorEnv + "=1"}, o.Env...)
	}
	return o
}

// findSpec looks a kernelspec up and, for the fearless kernel, says how to
// install it.
func (o Options) findSpec(name string) (*kernelspec.Spec, error) {
	spec, err := o.FindSpec(name)
	var nf *kernelspec.NotFoundError
	if errors.As(err, &nf) && name == DefaultKernel {
		return nil, fmt.Errorf("the %q kernel is not installed: run `fearless install` (or `go run ./kernel/cmd/fearless install` in the repository) first\n(%w)", name, err)
	}
	return spec, err
}
