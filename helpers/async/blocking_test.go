package async_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
)

// tokio's spawn_blocking: the job runs on the blocking pool, never on a
// worker. With one worker, a job that blocks until a task lets it go can
// only finish if the task gets the worker while the job blocks.
func TestSpawnBlockingNeverOccupiesAWorker(t *testing.T) {
	testutil.Record(t)
	release := make(chan struct{})
	got := block(t, func() int {
		job := async.SpawnBlocking(func() int { <-release; return 7 })
		async.Spawn(async.New(func() int { close(release); return 0 }))
		v, err := job.Await()
		if err != nil {
			t.Error(err)
		}
		return v
	})
	if got != 7 {
		t.Fatalf("job returned %d", got)
	}
	rec := trace.Stop()
	var jobRuns, workerRuns int
	for _, r := range spans(rec, trace.TaskRun) {
		switch {
		case r.val < 0:
			jobRuns++
			if name := rec.GoroutineName(r.g); name != "blocking 0" {
				t.Errorf("the job ran on goroutine %q, want \"blocking 0\"", name)
			}
		case r.val == 0:
			workerRuns++
		default:
			t.Errorf("worker %d on a one-worker executor", r.val)
		}
	}
	if jobRuns != 1 || workerRuns < 3 {
		t.Fatalf("%d blocking runs (want 1), %d worker runs", jobRuns, workerRuns)
	}
}

// The pool reuses an idle thread, and starts another when none is idle.
func TestBlockingPoolReusesIdleThreads(t *testing.T) {
	gid := func() int64 { return goid.Get() }
	block(t, func() int {
		a, _ := async.SpawnBlocking(gid).Await()
		b, _ := async.SpawnBlocking(gid).Await() // a's thread is idle again
		if a != b {
			t.Errorf("sequential jobs ran on goroutines %d and %d, want one reused", a, b)
		}
		hold := make(chan struct{})
		busy := async.SpawnBlocking(func() int64 { <-hold; return goid.Get() })
		c, _ := async.SpawnBlocking(gid).Await()
		close(hold)
		d, _ := busy.Await()
		if c == d {
			t.Errorf("two jobs at once ran on one goroutine %d", c)
		}
		return 0
	})
}

func TestSpawnBlockingPanicAndMisuse(t *testing.T) {
	block(t, func() int {
		_, err := async.SpawnBlocking(func() int { panic("disk on fire") }).Await()
		var pe *thread.PanicError
		if !errors.As(err, &pe) || pe.Value != "disk on fire" {
			t.Errorf("Await = %v, want the job's PanicError", err)
		}
		_, err = async.SpawnBlocking(func() int { async.YieldNow(); return 0 }).Await()
		if err == nil || !strings.Contains(err.Error(), "outside an async task") {
			t.Errorf("an await point inside a blocking job: %v", err)
		}
		msg := testutil.MustPanic(t, func() { async.SpawnBlocking[int](nil) })
		if !strings.Contains(msg, "SpawnBlocking(nil)") {
			t.Errorf("nil fn: %q", msg)
		}
		return 0
	})
	msg := testutil.MustPanic(t, func() { async.SpawnBlocking(func() int { return 0 }) })
	if !strings.Contains(msg, "SpawnBlocking called outside an async task") {
		t.Fatalf("outside a task: %q", msg)
	}
}

// BlockOn waits for a blocking job still running when the root returns, as
// dropping a tokio runtime waits for its blocking tasks.
func TestBlockOnWaitsForBlockingJobs(t *testing.T) {
	finished := false
	start := make(chan struct{})
	block(t, func() int {
		async.SpawnBlocking(func() int { <-start; finished = true; return 0 })
		close(start)
		return 0
	})
	if !finished { // BlockOn's return happens after the job's end: -race checks it
		t.Fatal("BlockOn returned before the blocking job finished")
	}
}

func TestJoinAll(t *testing.T) {
	block(t, func() int {
		vs, err := async.JoinAll(
			async.Spawn(async.New(func() int { async.YieldNow(); return 1 })),
			async.Spawn(async.New(func() int { panic("second") })),
			async.SpawnBlocking(func() int { return 3 }),
			async.Spawn(async.New(func() int { panic("fourth") })),
		)
		var pe *thread.PanicError
		if !errors.As(err, &pe) || pe.Value != "second" {
			t.Errorf("JoinAll err = %v, want the first failure in argument order", err)
		}
		if vs[0] != 1 || vs[1] != 0 || vs[2] != 3 || vs[3] != 0 {
			t.Errorf("JoinAll = %v", vs)
		}
		if vs, err := async.JoinAll[int](); len(vs) != 0 || err != nil {
			t.Errorf("JoinAll() = %v, %v", vs, err)
		}
		return 0
	}, async.Workers(2))
	msg := testutil.MustPanic(t, func() { async.JoinAll[int]() })
	if !strings.Contains(msg, "JoinAll called outside an async task") {
		t.Fatalf("%q", msg)
	}
}
