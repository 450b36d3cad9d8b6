package explore

// exhaustive is a depth-first search over schedules with a preemption bound,
// pruned by dynamic partial-order reduction (Flanagan and Godefroid, POPL
// 2005) with the conservative extra backtracking that a bound needs (Coons,
// Musuvathi and McKinley, OOPSLA 2013) — the algorithm loom uses. Two steps
// are dependent when they touch the same object; the search only tries
// another order at a point where a later step of another thread touched what
// the step there touched, without a spawn, join or earlier access ordering
// them.
type exhaustive struct {
	bound int // -1: unbounded
	path  []branch
	pos   int
	last  map[uint64]access // per object: the latest step that touched it
	done  bool
}

type branchState uint8

const (
	bDisabled branchState = iota // could not run here
	bSkip                        // could run, not (yet) worth trying
	bPending                     // to try
	bActive                      // runs here in the current execution
	bVisited                     // tried
)

// branch is one scheduling point of the current path.
type branch struct {
	threads     []branchState
	preemptions int // preemptions before this point
	initial     int // the thread that would run without a preemption, -1 if none
}

func (b *branch) active() int {
	for i, s := range b.threads {
		if s == bActive {
			return i
		}
	}
	return -1
}

// preemptionsAfter counts the preemptions up to and including this point.
func (b *branch) preemptionsAfter() int {
	if b.initial >= 0 && b.initial != b.active() {
		return b.preemptions + 1
	}
	return b.preemptions
}

type access struct {
	pos int
	vv  []uint32
}

func (s *exhaustive) begin(int) {
	s.pos = 0
	clear(s.last)
	if s.last == nil {
		s.last = map[uint64]access{}
	}
}

// key is the object whose accesses an op depends on, or 0 for none.
func key(o op) uint64 {
	switch o.kind {
	case opLock, opTry, opWait, opAccess:
		return o.obj
	case opYield:
		return memory
	}
	return 0
}

func (s *exhaustive) choose(r *run, en []*proc) *proc {
	// Races: a thread about to touch what another touched last, with no
	// happens-before between them, could have gone first.
	for _, t := range r.threads {
		if t.done {
			continue
		}
		if k := key(t.op); k != 0 {
			if a, ok := s.last[k]; ok && !leq(a.vv, t.vv) {
				s.backtrack(a.pos, t.idx)
			}
		}
	}
	if s.pos == len(s.path) {
		initial := stay(r, en).idx
		b := branch{threads: make([]branchState, len(r.threads)), initial: initial}
		j := 0
		for i := range b.threads {
			switch {
			case i == initial:
				b.threads[i] = bActive
			case j < len(en) && en[j].idx == i:
				b.threads[i] = bSkip
			}
			if j < len(en) && en[j].idx == i {
				j++
			}
		}
		if n := len(s.path); n > 0 {
			prev := &s.path[n-1]
			if initial != prev.active() {
				b.initial = -1
			}
			b.preemptions = prev.preemptionsAfter()
		}
		s.path = append(s.path, b)
	}
	b := &s.path[s.pos]
	s.pos++
	want := b.active()
	var next *proc
	for _, t := range en {
		if t.idx == want {
			next = t
		}
	}
	if next == nil {
		r.fail = &Failure{Kind: BadSchedule, Message: "the function did something different on the same schedule: " +
			"it must be deterministic apart from the order of its threads (no time, no randomness, no plain go statements)"}
		return nil
	}
	s.touch(next, s.pos-1)
	return next
}

// touch records next's op as the latest access to its object.
func (s *exhaustive) touch(t *proc, pos int) {
	k := key(t.op)
	if t.op.kind == opJoin {
		// Joining orders everything the joined thread did before this thread.
		if a, ok := s.last[t.op.obj]; ok {
			t.vv = join(t.vv, a.vv)
		}
		return
	}
	if k == 0 {
		return
	}
	if a, ok := s.last[k]; ok {
		t.vv = join(t.vv, a.vv)
	}
	t.vv = bump(t.vv, t.idx)
	s.last[k] = access{pos: pos, vv: append([]uint32(nil), t.vv...)}
}

// exited records the end of t as an access to t, for its joiners.
func (s *exhaustive) exited(r *run, t *proc) {
	if t.id != 0 {
		t.vv = bump(t.vv, t.idx)
		s.last[t.id] = access{pos: s.pos - 1, vv: append([]uint32(nil), t.vv...)}
	}
}

// backtrack asks to try thread th at point pos (or, if it could not run
// there, every thread that could), and, because a preemption bound can hide
// the interleaving that point would give, also at the last point before it
// where another thread took over.
func (s *exhaustive) backtrack(pos, th int) {
	if pos < 0 || pos >= len(s.path) {
		return
	}
	s.path[pos].add(th, s.bound)
	if s.bound < 0 {
		return
	}
	for i := pos - 1; i > 0; i-- {
		if s.path[i].active() != s.path[i-1].active() {
			s.path[i].add(th, s.bound)
			return
		}
	}
	s.path[0].add(th, s.bound)
}

func (b *branch) add(th, bound int) {
	if bound >= 0 && b.preemptions >= bound {
		return
	}
	if th < len(b.threads) && b.threads[th] != bDisabled {
		if b.threads[th] == bSkip {
			b.threads[th] = bPending
		}
		return
	}
	for i, st := range b.threads {
		if st == bSkip {
			b.threads[i] = bPending
		}
	}
}

// more moves to the next unexplored path, depth first.
func (s *exhaustive) more() bool {
	for i := len(s.path) - 1; i >= 0; i-- {
		s.path = s.path[:i+1]
		b := &s.path[i]
		if a := b.active(); a >= 0 {
			b.threads[a] = bVisited
		}
		for j, st := range b.threads {
			if st == bPending {
				b.threads[j] = bActive
				return true
			}
		}
		s.path = s.path[:i]
	}
	s.done = true
	return false
}

func leq(a, b []uint32) bool {
	for i, x := range a {
		if x == 0 {
			continue
		}
		if i >= len(b) || x > b[i] {
			return false
		}
	}
	return true
}

func join(a, b []uint32) []uint32 {
	for len(a) < len(b) {
		a = append(a, 0)
	}
	for i, x := range b {
		a[i] = max(a[i], x)
	}
	return a
}

func bump(a []uint32, i int) []uint32 {
	for len(a) <= i {
		a = append(a, 0)
	}
	a[i]++
	return a
}
