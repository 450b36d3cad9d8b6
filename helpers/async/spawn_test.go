package async_test

import (
	"errors"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
)

func TestSpawnAndAwait(t *testing.T) {
	got := block(t, func() int {
		h := async.Spawn(async.New(func() int {
			async.Sleep(time.Millisecond)
			return 40
		}))
		v, err := h.Await()
		if err != nil {
			t.Error(err)
		}
		return v + 2
	})
	if got != 42 {
		t.Fatalf("got %d", got)
	}
}

// With one worker, tasks run in the order they became ready: a spawned task
// waits for the spawner's next await point, and tasks spawned together run
// in the order they were spawned.
func TestOneWorkerRunsTasksInOrder(t *testing.T) {
	var log []string // the single worker makes this safe; -race checks it
	note := func(s string) *async.Future[int] {
		return async.New(func() int { log = append(log, s); return 0 })
	}
	block(t, func() int {
		hs := []*async.Handle[int]{async.Spawn(note("a")), async.Spawn(note("b")), async.Spawn(note("c"))}
		log = append(log, "spawner")
		for _, h := range hs {
			h.Await()
		}
		return 0
	})
	if got := strings.Join(log, " "); got != "spawner a b c" {
		t.Fatalf("order = %q, want spawner a b c", got)
	}
}

func TestPanicInSpawnedTaskBecomesError(t *testing.T) {
	var err error
	block(t, func() int {
		h := async.Spawn(async.New(func() int { panic("fetch failed") }))
		_, err = h.Await()
		return 0
	})
	var pe *thread.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v (%T), want *thread.PanicError", err, err)
	}
	if pe.Value != "fetch failed" || !strings.HasPrefix(pe.Thread, "task ") {
		t.Fatalf("PanicError = %+v", pe)
	}
	if !strings.Contains(pe.Stack, "spawn_test.go") {
		t.Fatalf("stack does not reach the panicking line:\n%s", pe.Stack)
	}
}

func TestHandleMisuse(t *testing.T) {
	var twice, own string
	block(t, func() int {
		h := async.Spawn(async.New(func() int { return 1 }))
		h.Await()
		twice = testutil.MustPanic(t, func() { h.Await() })

		var self atomic.Pointer[async.Handle[int]]
		ready := make(chan struct{})
		hs := async.Spawn(async.New(func() int {
			<-ready
			own = testutil.MustPanic(t, func() { self.Load().Await() })
			return 0
		}))
		self.Store(hs)
		close(ready)
		hs.Await()
		return 0
	})
	if twice != "async: handle awaited twice (Rust rejects this at compile time: .await consumes the JoinHandle)" {
		t.Errorf("second Await: %q", twice)
	}
	if !strings.Contains(own, "awaits its own handle") {
		t.Errorf("own handle: %q", own)
	}
}

// Tasks still pending when the root returns are cancelled at their next
// await point: their deferred calls run, the code after it never does, and
// BlockOn does not wait out their sleep.
func TestPendingTasksAreCancelledWhenRootReturns(t *testing.T) {
	var after, neverStarted atomic.Bool
	deferred := make(chan struct{})
	t0 := time.Now()
	block(t, func() int {
		async.Spawn(async.New(func() int {
			defer close(deferred)
			async.Sleep(time.Hour)
			after.Store(true)
			return 0
		}))
		async.YieldNow() // the sleeper runs up to its Sleep
		async.Spawn(async.New(func() int { neverStarted.Store(true); return 0 }))
		return 0
	})
	if d := time.Since(t0); d > time.Minute {
		t.Fatalf("BlockOn waited out the sleep: %v", d)
	}
	select {
	case <-deferred:
	default:
		t.Fatal("the cancelled task's deferred call has not run when BlockOn returned")
	}
	if after.Load() || neverStarted.Load() {
		t.Fatalf("code ran after the root finished: after sleep %v, unstarted task %v", after.Load(), neverStarted.Load())
	}
}

// A handle outlives its executor; awaiting a task that was cancelled says so.
func TestAwaitCancelledTaskFromAnotherExecutor(t *testing.T) {
	leaked := block(t, func() *async.Handle[int] {
		return async.Spawn(async.New(func() int { async.Sleep(time.Hour); return 1 }))
	})
	var err error
	block(t, func() int {
		_, err = leaked.Await()
		return 0
	})
	if !errors.Is(err, async.ErrCancelled) {
		t.Fatalf("err = %v, want ErrCancelled", err)
	}
}

// A task whose code calls runtime.Goexit is not mistaken for a cancelled one.
func TestGoexitInTaskIsAnError(t *testing.T) {
	var err error
	block(t, func() int {
		_, err = async.Spawn(async.New(func() int { runtime.Goexit(); return 0 })).Await()
		return 0
	})
	if err == nil || errors.Is(err, async.ErrCancelled) || !strings.Contains(err.Error(), "runtime.Goexit") {
		t.Fatalf("err = %v", err)
	}
}
