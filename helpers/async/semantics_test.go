package async_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// tokio's join!: the branches are polled inside the calling task, so a
// branch that blocks keeps the task's one worker and its siblings wait —
// with one worker and with four. The second branch's line can only come
// after both lines of the first, which blocks in between.
func TestJoinBranchBlockingStallsSiblings(t *testing.T) {
	for _, workers := range []int{1, 4} {
		var mu sync.Mutex
		var log []string
		note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
		block(t, func() int {
			async.Join(
				async.New(func() int { note("a blocks"); thread.Sleep(time.Millisecond); note("a unblocks"); return 0 }),
				async.New(func() int { note("b runs"); return 0 }),
				async.New(func() int { note("c runs"); return 0 }),
			)
			return 0
		}, async.Workers(workers))
		if got := strings.Join(log, ", "); got != "a blocks, a unblocks, b runs, c runs" {
			t.Errorf("Workers(%d): %s", workers, got)
		}
	}
}

// Property: whatever the branches do, at most one of them runs user code at
// any moment, on any number of workers, and every branch completes.
func TestJoinBranchesNeverRunInParallel(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		var active, most, done atomic.Int32
		branch := func(i int) *async.Future[int] {
			return async.New(func() int {
				for k := range 10 {
					now := active.Add(1)
					for old := most.Load(); now > old && !most.CompareAndSwap(old, now); old = most.Load() {
					}
					runtime.Gosched()
					active.Add(-1)
					if (i+k)%2 == 0 {
						async.YieldNow()
					}
				}
				done.Add(1)
				return i
			})
		}
		got := block(t, func() []int {
			return async.Join(branch(0), branch(1), branch(2), branch(3))
		}, async.Workers(workers))
		if fmt.Sprint(got) != "[0 1 2 3]" || done.Load() != 4 {
			t.Errorf("Workers(%d): Join = %v, %d done", workers, got, done.Load())
		}
		if m := most.Load(); m != 1 {
			t.Errorf("Workers(%d): %d branches of one Join ran at once", workers, m)
		}
	}
}

// With the recorder on, every branch's TaskRun spans are on one worker at a
// time, none overlaps another, and the Join's task gets the worker back.
func TestJoinBranchesTakeTurnsOnTheRecording(t *testing.T) {
	testutil.Record(t)
	block(t, func() int {
		b := func() *async.Future[int] {
			return async.New(func() int { async.YieldNow(); thread.Sleep(0); return 0 })
		}
		async.Join(b(), b(), b())
		return 0
	}, async.Workers(4))
	rec := trace.Stop()
	runs := spans(rec, trace.TaskRun)
	branches := map[int64]bool{}
	for i, r := range runs {
		if strings.Contains(rec.GoroutineName(r.g), "branch") {
			branches[r.g] = true
		}
		for _, o := range runs[i+1:] {
			if r.overlaps(o) {
				t.Fatalf("runs overlap: %s %+v and %s %+v", rec.GoroutineName(r.g), r, rec.GoroutineName(o.g), o)
			}
		}
	}
	if len(branches) != 3 {
		t.Fatalf("%d branch lanes, want 3 (lanes named \"task N, branch i\")", len(branches))
	}
}

// tokio::spawn: spawned tasks run in parallel on the multi-thread runtime's
// workers. Each of n tasks blocks until all n have arrived, which completes
// only if n hold a worker at the same time; each ran on its own goroutine
// and its own worker.
func TestSpawnedTasksRunInParallel(t *testing.T) {
	const n = 4
	testutil.Record(t)
	var arrived sync.WaitGroup
	arrived.Add(n)
	block(t, func() int {
		hs := make([]*async.Handle[int64], n)
		for i := range hs {
			hs[i] = async.Spawn(async.New(func() int64 {
				arrived.Done()
				arrived.Wait() // blocking: keeps the worker
				return goid.Get()
			}))
		}
		gs, err := async.JoinAll(hs...)
		if err != nil {
			t.Error(err)
		}
		if seen := map[int64]bool{}; true {
			for _, g := range gs {
				seen[g] = true
			}
			if len(seen) != n {
				t.Errorf("%d tasks ran on %d goroutines", n, len(seen))
			}
		}
		return 0
	}, async.Workers(n))
	workers := map[int64]bool{}
	for _, r := range spans(trace.Stop(), trace.TaskRun) {
		workers[r.val] = true
	}
	if len(workers) != n {
		t.Fatalf("tasks ran on workers %v, want all %d", workers, n)
	}
}

// YieldNow lets another task run on one worker: the spawned task, waiting
// for the worker, runs between the two halves of the spawner.
func TestYieldNowLetsAnotherTaskRun(t *testing.T) {
	for _, yield := range []bool{true, false} {
		var log []string // one worker: one task at a time; -race checks it
		block(t, func() int {
			h := async.Spawn(async.New(func() int { log = append(log, "other"); return 0 }))
			log = append(log, "before")
			if yield {
				async.YieldNow()
			}
			log = append(log, "after")
			h.Await()
			return 0
		})
		want := "before after other"
		if yield {
			want = "before other after"
		}
		if got := strings.Join(log, " "); got != want {
			t.Errorf("yield %v: %s, want %s", yield, got, want)
		}
	}
}

// YieldNow inside a Join lets the sibling branches go first.
func TestYieldNowInJoinLetsSiblingsGoFirst(t *testing.T) {
	var log []string
	block(t, func() int {
		async.Join(
			async.New(func() int { log = append(log, "a1"); async.YieldNow(); log = append(log, "a2"); return 0 }),
			async.New(func() int { log = append(log, "b1"); async.YieldNow(); log = append(log, "b2"); return 0 }),
		)
		return 0
	}, async.Workers(2))
	if got := strings.Join(log, " "); got != "a1 b1 a2 b2" {
		t.Fatalf("%s, want a1 b1 a2 b2", got)
	}
}

func TestYieldNowOutsideTaskPanics(t *testing.T) {
	msg := testutil.MustPanic(t, async.YieldNow)
	if !strings.Contains(msg, "async.YieldNow called outside an async task") {
		t.Fatalf("%q", msg)
	}
}

// Joins nest: the inner Join's branches share the outer branch's turn.
func TestNestedJoin(t *testing.T) {
	var log []string
	got := block(t, func() []int {
		inner := func(n int) *async.Future[int] {
			return async.New(func() int {
				r := async.Join(
					async.New(func() int { log = append(log, fmt.Sprint(n, "a")); async.YieldNow(); return n }),
					async.New(func() int { log = append(log, fmt.Sprint(n, "b")); return 10 * n }),
				)
				return r[0] + r[1]
			})
		}
		return async.Join(inner(1), inner(2))
	}, async.Workers(3))
	if fmt.Sprint(got) != "[11 22]" || len(log) != 4 {
		t.Fatalf("Join = %v, log %v", got, log)
	}
}
