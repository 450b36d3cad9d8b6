package async

import (
	"errors"
	"strconv"
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"github.com/fearless-go/fearless/helpers/thread"
)

// SpawnBlocking runs fn on the executor's blocking pool and returns at once
// with a handle to await (Rust: tokio::task::spawn_blocking). The pool's
// threads are not the executor's workers: fn may block — thread.Sleep, a
// mutex wait, a long computation — and every task keeps running meanwhile,
// even with one worker. The pool starts a thread when none is idle and
// reuses idle ones, as tokio's does.
//
// fn is ordinary code, not a future: await points (Sleep, Await, Join,
// Spawn) panic inside it, as .await cannot appear in spawn_blocking's
// closure. A panic in fn comes back from Handle.Await as a
// *thread.PanicError. A blocking job is never cancelled: BlockOn waits for
// it, as dropping a tokio runtime waits for its blocking tasks. SpawnBlocking
// panics outside a task and on a nil fn.
func SpawnBlocking[T any](fn func() T) *Handle[T] {
	t := current()
	if t == nil {
		panic(where.Refuse(msgSpawnBlockingOutside))
	}
	if fn == nil {
		panic(where.Refuse("async: SpawnBlocking(nil): a blocking job needs a function to run"))
	}
	h := newHandle[T](t.ex)
	j := h.t
	if rec.Enabled() {
		rec.LabelID(j.id, "blocking "+rec.ObjectName(j.id))
		rec.Emit(rec.TaskSpawn, rec.Instant, j.id, 0, int64(t.ex.id))
	}
	j.ex.tasks.Add(1)
	j.spawned()
	j.ex.pool.run(j, func() { h.val = fn() })
	return h
}

// pool is an executor's blocking pool: goroutines, each a "blocking thread"
// with its own lane, that run one job at a time and wait for the next while
// idle. They end when the executor shuts down.
type pool struct {
	mu     sync.Mutex
	idle   []chan job // one per idle thread; the last one idle is reused first
	n      int        // threads started, to name the next one
	closed bool
}

// job is one blocking job: its task (for its id, outcome and done channel)
// and its body.
type job struct {
	t    *task
	body func()
}

// run gives the job to an idle thread, or starts a thread for it.
func (p *pool) run(t *task, body func()) {
	j := job{t, body}
	p.mu.Lock()
	if n := len(p.idle); n > 0 && !p.closed {
		next := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		next <- j
		return
	}
	k := p.n
	p.n++
	p.mu.Unlock()
	go p.thread(k, j)
}

// thread is the loop of blocking thread k: run a job, then wait idle for
// the next one, until the pool closes.
func (p *pool) thread(k int, j job) {
	if hook.Active() {
		rec.NameGoroutine("blocking " + strconv.Itoa(k))
	}
	next := make(chan job, 1)
	idle := false
	becomeIdle := func() { // before the job's end is published: a job spawned after it finds this thread idle
		p.mu.Lock()
		if !p.closed {
			p.idle = append(p.idle, next)
			idle = true
		}
		p.mu.Unlock()
	}
	for {
		idle = false
		j.run(k, becomeIdle)
		if !idle {
			return
		}
		var ok bool
		if j, ok = <-next; !ok {
			return
		}
	}
}

// close ends the idle threads; busy ones end after their job.
func (p *pool) close() {
	p.mu.Lock()
	p.closed = true
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, next := range idle {
		close(next)
	}
}

// run runs the job on blocking thread k, calls idle, and publishes the
// job's outcome, even if its code called runtime.Goexit (then the thread
// ends with it, and idle is not called). Its TaskRun span has Value -1-k: a
// blocking thread's lane, not a worker's.
func (j job) run(k int, idle func()) {
	t := j.t
	if hook.Checking() {
		t.started = true
		engine.ThreadStarted(t.id)
	}
	recording := rec.Enabled()
	if recording {
		rec.Emit(rec.TaskRun, rec.Begin, t.id, 0, int64(-1-k))
	}
	returned := false
	defer func() {
		var err error
		if r := recover(); r != nil {
			err = t.panicError(r)
		} else if !returned {
			err = errGoexit
		}
		if recording {
			rec.Emit(rec.TaskRun, rec.End, t.id, 0, int64(-1-k))
		}
		if t.started {
			var perr *thread.PanicError
			engine.ThreadExited(t.id, errors.As(err, &perr))
		}
		if rec.Enabled() {
			rec.Emit(rec.TaskDone, rec.Instant, t.id, 0, 0)
		}
		if err != errGoexit {
			idle()
		}
		t.err = err
		close(t.done)
		t.ex.tasks.Done()
		if t.started {
			engine.ThreadGone(t.id)
		}
	}()
	j.body()
	returned = true
}
