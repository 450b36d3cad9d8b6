package async

import (
	"errors"
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// BlockOn runs f as the root task of a new executor, blocks the calling
// goroutine until f is done, and returns its result (Rust: tokio's
// Runtime::block_on). The executor has one worker unless Workers says
// otherwise: tokio's current-thread runtime; with Workers(n), its
// multi-thread runtime with n workers. Blocking jobs (SpawnBlocking) run on
// a pool of their own beside the workers.
//
// A panic in f comes back as a *thread.PanicError with its stack. Bad input
// — a nil or already used future, a bad option — is an error too, and f is
// left unused. Tasks still pending when f is done are cancelled at their next
// await point (see ErrCancelled); BlockOn returns once every task has
// finished or been cancelled, so no goroutine outlives it.
//
// BlockOn is the entry point from ordinary code. Inside a task it panics:
// waiting there would hold the task's worker the whole time; await instead.
func BlockOn[T any](f *Future[T], opts ...Option) (T, error) {
	var zero T
	if current() != nil {
		panic(where.Refuse(msgNestedBlockOn))
	}
	cfg := config{workers: 1}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.err != nil {
		return zero, cfg.err
	}
	if msg := f.claim(useBlockOn); msg != "" {
		return zero, errors.New(msg)
	}
	ex := newExecutor(cfg.workers)
	h := newHandle[T](ex)
	h.t.root = true
	root := h.t.id
	// The caller's wait is known to the deadlock checker before the root
	// starts, so a root that blocks on a lock the caller holds is the one
	// that reports the cycle.
	checking := hook.Checking()
	if checking {
		engine.BeforeJoin(root)
	}
	h.start(f.take())
	recording := rec.Enabled()
	if recording {
		rec.Emit(rec.Join, rec.Begin, root, 0, 0)
	}
	joinPoint(root)
	<-h.t.done
	if recording {
		rec.Emit(rec.Join, rec.End, root, 0, 0)
	}
	if checking {
		engine.AfterWait()
	}
	ex.joinAll()
	ex.tasks.Wait() // the others finish or are cancelled at their next await point
	if h.t.err != nil {
		return zero, h.t.err
	}
	return h.val, nil
}

// Option configures the executor BlockOn creates.
type Option func(*config)

type config struct {
	workers int
	err     error
}

// MaxWorkers bounds Workers.
const MaxWorkers = 1 << 12

// Workers sets how many tasks the executor runs at the same time, from 1 to
// MaxWorkers (default 1, tokio's current-thread runtime; n is its
// multi-thread runtime's worker_threads(n)). Other tasks wait for a worker
// to come free at an await point; a task in a blocking call keeps its
// worker. Only spawned tasks use more than one worker: the futures of one
// Join share their task's.
func Workers(n int) Option {
	return func(c *config) {
		if n < 1 || n > MaxWorkers {
			c.err = fmt.Errorf("async: Workers(%d): an executor needs from 1 to %d workers", n, MaxWorkers)
			return
		}
		c.workers = n
	}
}
