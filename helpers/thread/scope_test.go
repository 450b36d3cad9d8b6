package thread_test

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Property: every thread of a scope, including threads spawned by scoped
// threads, has ended when Scope returns.
func TestScopeJoinsEveryThread(t *testing.T) {
	const n = 20
	var ran atomic.Int32
	var handles []*thread.JoinHandle[struct{}]
	var nested atomic.Pointer[thread.JoinHandle[struct{}]]
	thread.Scope(func(s *thread.Scoped) {
		for range n {
			handles = append(handles, s.Go(func() { ran.Add(1) }))
		}
		s.Go(func() {
			nested.Store(s.Go(func() { ran.Add(1) })) // a scoped thread spawning into its scope
			ran.Add(1)
		})
	})
	if got := ran.Load(); got != n+2 {
		t.Fatalf("%d threads ran before Scope returned, want %d", got, n+2)
	}
	for _, h := range append(handles, nested.Load()) {
		if !h.IsFinished() {
			t.Fatal("a scoped thread is still running after Scope returned")
		}
	}
}

func TestScopedThreadsBorrowAndReturn(t *testing.T) {
	data := []int{1, 2, 3, 4, 5, 6}
	var sums [2]int
	var total int
	thread.Scope(func(s *thread.Scoped) {
		// Borrowing data and sums is safe: the scope outlives the threads.
		s.Go(func() { sums[0] = sum(data[:3]) })
		s.Go(func() { sums[1] = sum(data[3:]) })
		h := thread.Spawn(func() int { return sum(data) }, thread.In(s), thread.Name("all"))
		v, err := h.Join() // joined explicitly, inside the scope
		if err != nil {
			t.Error(err)
		}
		total = v
	})
	if sums != [2]int{6, 15} || total != 21 {
		t.Fatalf("sums %v, total %d", sums, total)
	}
}

func sum(xs []int) (s int) {
	for _, x := range xs {
		s += x
	}
	return s
}

func TestScopePanicsAtItsEndWithAnUnjoinedThreadsPanic(t *testing.T) {
	release := make(chan struct{})
	var slow *thread.JoinHandle[struct{}]
	v, _ := testutil.Panics(t, func() {
		thread.Scope(func(s *thread.Scoped) {
			s.Go(func() { panic("first") }, thread.Name("a"))
			slow = s.Go(func() { <-release }, thread.Name("slow"))
			s.Go(func() { panic("second") }, thread.Name("b"))
			close(release)
		})
	})
	pe, ok := v.(*thread.PanicError)
	if !ok || pe.Value != "first" || pe.Thread != "a" {
		t.Fatalf("Scope panicked with %v (%T), want thread a's *PanicError", v, v)
	}
	if !slow.IsFinished() {
		t.Fatal("Scope panicked before joining every thread")
	}
}

func TestScopeDoesNotPanicForAThreadJoinedExplicitly(t *testing.T) {
	var err error
	thread.Scope(func(s *thread.Scoped) {
		_, err = s.Go(func() { panic("handled") }).Join()
	})
	if err == nil || !strings.Contains(err.Error(), "handled") {
		t.Fatalf("explicit Join = %v", err)
	}
}

func TestScopeLetsItsOwnPanicGoOnAfterJoining(t *testing.T) {
	release := make(chan struct{})
	var h *thread.JoinHandle[struct{}]
	v, _ := testutil.Panics(t, func() {
		thread.Scope(func(s *thread.Scoped) {
			h = s.Go(func() { <-release })
			s.Go(func() { panic("a thread's panic") }) // f's own panic wins
			close(release)
			panic("the scope's own")
		})
	})
	if v != "the scope's own" || !h.IsFinished() {
		t.Fatalf("recovered %v, thread finished %v", v, h.IsFinished())
	}
}

func TestSpawnIntoAnEndedScopePanics(t *testing.T) {
	var kept *thread.Scoped
	var h *thread.JoinHandle[struct{}]
	thread.Scope(func(s *thread.Scoped) {
		kept = s
		h = s.Go(func() {})
	})
	if _, msg := testutil.Panics(t, func() { kept.Go(func() {}) }); !strings.Contains(msg, "scope that has ended") || !strings.Contains(msg, "Rust") {
		t.Fatalf("panic %q", msg)
	}
	if _, msg := testutil.Panics(t, func() { thread.Spawn(func() int { return 1 }, thread.In(kept)) }); !strings.Contains(msg, "scope that has ended") {
		t.Fatalf("panic %q", msg)
	}
	// The scope joined h; a Join after the scope says so.
	if _, err := h.Join(); !errors.Is(err, thread.ErrJoined) || !strings.Contains(err.Error(), "scope") {
		t.Fatalf("Join after the scope = %v", err)
	}
}

func TestScopeRecordsItsJoins(t *testing.T) {
	testutil.Record(t)
	var id uint64
	line := lineHere(1)
	thread.Scope(func(s *thread.Scoped) { id = s.Go(func() {}).TraceID() })
	rec := trace.Stop()
	var seq []string
	for _, e := range rec.Events {
		if e.Object == id && e.Kind == trace.Join {
			seq = append(seq, e.Kind.String()+e.Phase.String())
			if e.Site == nil || e.Site.Line != line || !strings.HasSuffix(e.Site.File, "scope_test.go") {
				t.Errorf("join event at %+v, want scope_test.go:%d", e.Site, line)
			}
		}
	}
	if strings.Join(seq, " ") != "joinB joinE" {
		t.Fatalf("join events = %v", seq)
	}
}
