package check

import "time"

// DefaultTimeout is how long one check's function may run before the check
// fails as timed out. The Timeout option changes it for one check.
const DefaultTimeout = 5 * time.Second

// DefaultPoints is what a check is worth without the Points option.
const DefaultPoints = 1

// An Option adjusts one check.
type Option func(*options)

type options struct {
	points     float64
	timeout    time.Duration
	containing []string
	procs      []int
	race       bool
	expect     []Expectation // Observe's (see Expect)
}

func makeOptions(opts []Option) options {
	o := options{points: DefaultPoints, timeout: DefaultTimeout}
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	return o
}

// Points sets what a check is worth (DefaultPoints otherwise). The check
// cell's nbgrader points must equal the sum of its checks' points.
func Points(p float64) Option { return func(o *options) { o.points = p } }

// Timeout sets how long the check's function may run (DefaultTimeout
// otherwise). For Repeat it bounds all the runs together.
func Timeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// Containing, for Panics, requires the panic's message to contain each of
// the given strings.
func Containing(s ...string) Option {
	return func(o *options) { o.containing = append(o.containing, s...) }
}

// Procs, for Repeat, runs all the repetitions once under each of the given
// GOMAXPROCS values (the setting is restored afterwards): Procs(1, 2, 4).
func Procs(n ...int) Option { return func(o *options) { o.procs = append(o.procs, n...) } }

// Race makes a check fail, without running, unless the program is built with
// the race detector (in a cell: %goflags -race). See also RequireRace.
func Race() Option { return func(o *options) { o.race = true } }
