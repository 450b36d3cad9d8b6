package explore

import (
	"math/rand/v2"
)

// strategy decides, at each scheduling point, which enabled thread runs next.
type strategy interface {
	// begin prepares execution number n (0-based).
	begin(n int)
	// choose picks one of en (never empty, in thread order). r.active is
	// the thread that ran up to this point (nil at the start or after it ended).
	choose(r *run, en []*proc) *proc
	// exited is told that t ended.
	exited(r *run, t *proc)
	// more reports whether another execution is worth running.
	more() bool
}

// stay returns the thread that runs without a preemption: the active one if
// it can go on, else the first enabled.
func stay(r *run, en []*proc) *proc {
	for _, t := range en {
		if t == r.active {
			return t
		}
	}
	return en[0]
}

// randomWalk picks uniformly among the enabled threads (shuttle's random
// scheduler). Execution n uses its own stream of the seed, so a run of N
// executions is reproducible from the seed alone.
type randomWalk struct {
	seed uint64
	rng  *rand.Rand
}

func (s *randomWalk) begin(n int) { s.rng = rand.New(rand.NewPCG(s.seed, uint64(n))) }
func (s *randomWalk) choose(r *run, en []*proc) *proc {
	return en[s.rng.IntN(len(en))]
}
func (s *randomWalk) exited(*run, *proc) {}
func (s *randomWalk) more() bool         { return true }

// pct is Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010):
// every thread gets a random priority, the highest-priority enabled thread
// runs, and at d-1 random steps the running thread drops below all others.
// A bug of depth d among n threads and k steps is found with probability at
// least 1/(n·k^(d-1)) per execution.
type pct struct {
	depth   int
	seed    uint64
	rng     *rand.Rand
	k       int   // the most steps seen in one execution so far
	changes []int // steps at which the running thread's priority drops
	next    int   // index into changes
	known   int   // threads given a priority
	steps   int
}

func (s *pct) begin(n int) {
	s.rng = rand.New(rand.NewPCG(s.seed, uint64(n)))
	s.changes = s.changes[:0]
	s.next, s.known, s.steps = 0, 0, 0
	k := max(s.k, 1)
	for range s.depth - 1 {
		s.changes = append(s.changes, 1+s.rng.IntN(k))
	}
	// sorted, so a single index walks them
	for i := 1; i < len(s.changes); i++ {
		for j := i; j > 0 && s.changes[j] < s.changes[j-1]; j-- {
			s.changes[j], s.changes[j-1] = s.changes[j-1], s.changes[j]
		}
	}
}

func (s *pct) choose(r *run, en []*proc) *proc {
	for ; s.known < len(r.threads); s.known++ {
		// Initial priorities are above every change point's priority
		// (depth-1 and below), in a random order.
		r.threads[s.known].prio = float64(s.depth) + s.rng.Float64()
	}
	if len(en) == 1 {
		return en[0] // only steps with a choice count: k is the number of real decisions
	}
	s.steps++
	for s.next < len(s.changes) && s.changes[s.next] <= s.steps {
		if t := r.active; t != nil {
			t.prio = float64(s.depth-1-s.next) - s.rng.Float64()*0.01
		}
		s.next++
	}
	best := en[0]
	for _, t := range en[1:] {
		if t.prio > best.prio {
			best = t
		}
	}
	return best
}

func (s *pct) exited(r *run, t *proc) {
	if s.steps > s.k {
		s.k = s.steps
	}
}
func (s *pct) more() bool { return true }

// replay follows a recorded list of choices, then runs without preemptions.
type replay struct {
	choices []int
	pos     int
	bad     string // why the schedule did not fit, if it did not
}

func (s *replay) begin(int) { s.pos = 0 }
func (s *replay) choose(r *run, en []*proc) *proc {
	if len(en) < 2 {
		return en[0]
	}
	if s.pos >= len(s.choices) {
		return stay(r, en)
	}
	want := s.choices[s.pos]
	s.pos++
	for _, t := range en {
		if t.idx == want {
			return t
		}
	}
	r.fail = &Failure{Kind: BadSchedule, Message: "the schedule does not fit this function: " +
		"at a point where it says thread " + itoa(want) + " runs, that thread cannot run " +
		"(a different function, or one that does something different on every run?)"}
	return nil
}
func (s *replay) exited(*run, *proc) {}
func (s *replay) more() bool         { return false }
