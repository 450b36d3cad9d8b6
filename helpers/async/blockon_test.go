package async_test

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
)

func TestPanicInRootIsBlockOnError(t *testing.T) {
	boom := errors.New("boom")
	v, err := async.BlockOn(async.New(func() int { panic(boom) }))
	var pe *thread.PanicError
	if v != 0 || !errors.As(err, &pe) || !errors.Is(err, boom) {
		t.Fatalf("BlockOn = %d, %v; want 0 and a *thread.PanicError wrapping boom", v, err)
	}
}

func TestBadOptionsAreErrorsAndLoseNothing(t *testing.T) {
	f := async.New(func() int { return 5 })
	for _, n := range []int{0, -1, async.MaxWorkers + 1} {
		if _, err := async.BlockOn(f, async.Workers(n)); err == nil || !strings.Contains(err.Error(), "Workers(") {
			t.Errorf("Workers(%d): err = %v", n, err)
		}
	}
	if v, err := async.BlockOn(f, nil, async.Workers(async.MaxWorkers)); v != 5 || err != nil {
		t.Fatalf("the future after refused options: %d, %v", v, err)
	}
}

// BlockOn inside a task is refused, as tokio refuses it: it would hold the
// worker while the inner executor runs.
func TestNestedBlockOnIsRefused(t *testing.T) {
	inner := async.New(func() int { return 1 })
	var msg string
	block(t, func() int {
		msg = testutil.MustPanic(t, func() { async.BlockOn(inner) })
		return 0
	})
	if !strings.Contains(msg, "BlockOn called inside an async task") || !strings.Contains(msg, "Cannot start a runtime from within a runtime") {
		t.Fatalf("nested BlockOn: %q", msg)
	}
	if v, err := async.BlockOn(inner); v != 1 || err != nil {
		t.Fatalf("the inner future was consumed by the refused BlockOn: %d, %v", v, err)
	}
}

// With n workers, n spawned tasks run user code at the same time: here each
// blocks until all n have arrived, which only finishes if n run at once
// (tokio: tasks spawned on the multi-thread runtime run in parallel).
func TestWorkersRunTasksInParallel(t *testing.T) {
	const n = 3
	var arrived sync.WaitGroup
	arrived.Add(n)
	block(t, func() int {
		futs := make([]*async.Future[int], n)
		for i := range futs {
			futs[i] = async.New(func() int {
				arrived.Done()
				arrived.Wait() // a blocking wait: keeps the worker
				return i
			})
		}
		hs := make([]*async.Handle[int], n)
		for i, f := range futs {
			hs[i] = async.Spawn(f)
		}
		if _, err := async.JoinAll(hs...); err != nil {
			t.Error(err)
		}
		return 0
	}, async.Workers(n))
}

// Property: however the tasks interleave, no more than n of them run user
// code at once, and every task completes.
func TestNoMoreTasksRunThanWorkers(t *testing.T) {
	for _, workers := range []int{1, 2, 3} {
		var active, most, done atomic.Int32
		step := func() {
			now := active.Add(1)
			for old := most.Load(); now > old && !most.CompareAndSwap(old, now); old = most.Load() {
			}
			runtime.Gosched()
			active.Add(-1)
		}
		block(t, func() int {
			futs := make([]*async.Future[int], 8)
			for i := range futs {
				futs[i] = async.New(func() int {
					for range 20 {
						step()
						async.YieldNow()
					}
					done.Add(1)
					return 0
				})
			}
			hs := make([]*async.Handle[int], len(futs))
			for i, f := range futs {
				hs[i] = async.Spawn(f)
			}
			async.JoinAll(hs...)
			return 0
		}, async.Workers(workers))
		if m := most.Load(); m > int32(workers) || m < 1 {
			t.Errorf("Workers(%d): up to %d tasks ran at once", workers, m)
		}
		if done.Load() != 8 {
			t.Errorf("Workers(%d): %d of 8 tasks completed", workers, done.Load())
		}
	}
}
