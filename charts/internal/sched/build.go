package sched

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	xtrace "golang.org/x/exp/trace"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// ErrNoRuntimeTrace is returned by Build for a recording without a runtime
// trace.
var ErrNoRuntimeTrace = errors.New("sched: the recording has no runtime trace (start it with trace.Start(trace.WithRuntime(0)) and take it with trace.Stop(), not Snapshot)")

// MaxGoroutines bounds the goroutine lanes; the busiest are kept.
const MaxGoroutines = 200

type gstate struct {
	state    State
	reason   string
	since    xtrace.Time
	proc     int64
	site     string
	known    bool
	user     bool
	spans    []Span
	procRuns int
}

// Build reads the runtime trace of a recording.
func Build(rec *trace.Recording) (*Model, error) {
	if rec == nil || len(rec.Runtime) == 0 {
		return nil, ErrNoRuntimeTrace
	}
	r, err := xtrace.NewReader(bytes.NewReader(rec.Runtime))
	if err != nil {
		return nil, fmt.Errorf("sched: reading the runtime trace: %w", err)
	}
	var events []xtrace.Event
	var offset xtrace.Time
	aligned := false
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("sched: reading the runtime trace: %w", err)
		}
		if !aligned && ev.Kind() == xtrace.EventLog && ev.Log().Category == trace.ClockCategory {
			if ns, err := strconv.ParseInt(ev.Log().Message, 10, 64); err == nil {
				offset, aligned = ev.Time()-xtrace.Time(ns), true
			}
		}
		events = append(events, ev)
	}
	m := &Model{Aligned: aligned}
	if len(events) == 0 {
		return m, nil
	}
	if !aligned {
		offset = events[0].Time()
		m.Notes = append(m.Notes, "no clock mark in the runtime trace: times start at its first event")
	}
	at := func(t xtrace.Time) time.Duration { return max(time.Duration(t-offset), 0) }
	b := &builder{gs: map[int64]*gstate{}, procs: map[int64]*Proc{}, running: map[int64]int64{}, sites: map[xtrace.Stack]string{}, at: at}
	for _, id := range recorded(rec) {
		b.g(id).user = true
	}
	b.g(1).user = true // main, which started before the trace
	var last xtrace.Time
	for _, ev := range events {
		last = max(last, ev.Time())
		if ev.Kind() != xtrace.EventStateTransition {
			continue
		}
		st := ev.StateTransition()
		switch st.Resource.Kind {
		case xtrace.ResourceGoroutine:
			b.goTransition(ev, st)
		case xtrace.ResourceProc:
			b.proc(int64(st.Resource.Proc()))
		}
	}
	end := at(last)
	m.Duration = max(end, rec.Duration)
	b.close(last)
	m.Goroutines, m.Procs = b.lanes(rec, m)
	m.Wakes = b.wakes
	return m, nil
}

type builder struct {
	gs      map[int64]*gstate
	procs   map[int64]*Proc
	running map[int64]int64 // P -> goroutine running on it
	sites   map[xtrace.Stack]string
	wakes   []Wake
	at      func(xtrace.Time) time.Duration
}

func (b *builder) g(id int64) *gstate {
	s, ok := b.gs[id]
	if !ok {
		s = &gstate{proc: -1}
		b.gs[id] = s
	}
	return s
}

func (b *builder) goTransition(ev xtrace.Event, st xtrace.StateTransition) {
	id := int64(st.Resource.Goroutine())
	from, to := st.Goroutine()
	g := b.g(id)
	t := ev.Time()
	if from == xtrace.GoNotExist && to == xtrace.GoRunnable {
		g.user = g.user || userEntry(st.Stack)
	}
	if g.known {
		b.endSpan(id, g, t)
	}
	switch to {
	case xtrace.GoRunning:
		g.state, g.proc = Running, int64(ev.Proc())
	case xtrace.GoRunnable:
		g.state, g.proc = Runnable, -1
		if from == xtrace.GoWaiting {
			if waker := int64(ev.Goroutine()); waker != int64(xtrace.NoGoroutine) && waker != id {
				b.wakes = append(b.wakes, Wake{From: waker, To: id, At: b.at(t)})
			}
		}
	case xtrace.GoWaiting:
		g.state, g.proc = Waiting, -1
	case xtrace.GoSyscall:
		g.state, g.proc = Syscall, -1
	default: // NotExist, Undetermined, or a state added later
		g.known = false
		return
	}
	g.reason = st.Reason
	if to == xtrace.GoWaiting || to == xtrace.GoRunnable {
		g.site = b.site(st.Stack)
	} else {
		g.site = ""
	}
	g.since, g.known = t, true
}

func (b *builder) endSpan(id int64, g *gstate, t xtrace.Time) {
	s := Span{State: g.state, Reason: g.reason, Start: b.at(g.since), End: b.at(t), Proc: g.proc, Site: g.site}
	g.spans = append(g.spans, s)
	if g.state == Running && g.proc >= 0 {
		p := b.proc(g.proc)
		p.Runs = append(p.Runs, Run{G: id, Start: s.Start, End: s.End})
	}
}

func (b *builder) proc(id int64) *Proc {
	p, ok := b.procs[id]
	if !ok {
		p = &Proc{ID: id}
		b.procs[id] = p
	}
	return p
}

func (b *builder) close(last xtrace.Time) {
	for id, g := range b.gs {
		if g.known {
			b.endSpan(id, g, last)
			g.known = false
		}
	}
}

// site returns the innermost frame of a stack that is user code.
func (b *builder) site(s xtrace.Stack) string {
	if v, ok := b.sites[s]; ok {
		return v
	}
	out := ""
	for f := range s.Frames() {
		if !systemFunc(f.Func) {
			out = primitive.Where(f.File, int(f.Line)) + " " + shortFunc(f.Func)
			break
		}
	}
	b.sites[s] = out
	return out
}

// systemFunc reports whether a function belongs to the runtime, the
// standard library's synchronisation, or the recorder.
func systemFunc(fn string) bool {
	for _, p := range []string{"runtime.", "runtime/", "sync.", "sync/", "internal/", "time.", "github.com/fearless-go/fearless/helpers/trace.", "testing."} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// userEntry reports whether a new goroutine starts in user code (the
// runtime's own goroutines, such as GC workers, start in package runtime).
func userEntry(s xtrace.Stack) bool {
	for f := range s.Frames() {
		return !strings.HasPrefix(f.Func, "runtime.") && !strings.HasPrefix(f.Func, "runtime/trace.") && !strings.HasPrefix(f.Func, "testing.")
	}
	return false
}

func shortFunc(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	return fn
}

// recorded returns the goroutines the helper recorder saw.
func recorded(rec *trace.Recording) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, e := range rec.Events {
		if !seen[e.G] {
			seen[e.G] = true
			out = append(out, e.G)
		}
	}
	for g := range rec.Goroutines {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// lanes picks the user goroutines that ran and every P that ran one of them.
func (b *builder) lanes(rec *trace.Recording, m *Model) ([]Goroutine, []Proc) {
	type cand struct {
		id  int64
		run time.Duration
	}
	var cs []cand
	for id, g := range b.gs {
		if !g.user {
			continue
		}
		var run time.Duration
		for _, s := range g.spans {
			if s.State == Running {
				run += s.End - s.Start
			}
		}
		if run > 0 || len(g.spans) > 0 {
			cs = append(cs, cand{id, run})
		}
	}
	if len(cs) > MaxGoroutines {
		slices.SortFunc(cs, func(a, b cand) int { return cmp.Compare(b.run, a.run) })
		m.Notes = append(m.Notes, fmt.Sprintf("%d goroutines: showing the %d that ran longest", len(cs), MaxGoroutines))
		cs = cs[:MaxGoroutines]
	}
	slices.SortFunc(cs, func(a, b cand) int { return cmp.Compare(a.id, b.id) })
	keep := map[int64]bool{}
	var gs []Goroutine
	for _, c := range cs {
		keep[c.id] = true
		gs = append(gs, Goroutine{ID: c.id, Name: goName(rec, c.id), Spans: b.gs[c.id].spans})
	}
	var ps []Proc
	for _, p := range b.procs {
		var runs []Run
		for _, r := range p.Runs {
			if keep[r.G] {
				runs = append(runs, r)
			}
		}
		ps = append(ps, Proc{ID: p.ID, Runs: runs})
	}
	slices.SortFunc(ps, func(a, b Proc) int { return cmp.Compare(a.ID, b.ID) })
	var wakes []Wake
	for _, w := range b.wakes {
		if keep[w.From] && keep[w.To] {
			wakes = append(wakes, w)
		}
	}
	b.wakes = wakes
	return gs, ps
}

// goName names a goroutine from the recording, or from the recorder's
// registry for goroutines the helpers never saw (same process), with main
// as goroutine 1.
func goName(rec *trace.Recording, id int64) string {
	if n, ok := rec.Goroutines[id]; ok {
		return n
	}
	if n, ok := primitive.GoroutineName(id); ok {
		return n
	}
	return rec.GoroutineName(id)
}
