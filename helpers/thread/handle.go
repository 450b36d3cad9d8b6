package thread

import (
	"errors"
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"sync"
	"sync/atomic"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/callers"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/internal/hook"
	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// core is the part of a thread that does not depend on its result type, so
// that scopes can hold threads of any type.
type core struct {
	id       uint64 // trace id
	name     string
	done     sync.WaitGroup // done when the thread has ended
	finished atomic.Bool    // set just before done
	goid     atomic.Int64   // the thread's goroutine, once it runs
	joined   atomic.Bool
	scope    *Scoped

	// Set by the spawner before the thread starts.
	body   func() // the function passed to Go
	claims []func()
	site   callers.PCs // the spawn's call site, when recording or checking

	// Written by the thread before done.
	err     error  // *PanicError, or ErrGoexit
	claim   func() // hands a Movable result to the joiner, if any
	checked bool   // whether the deadlock checks saw the thread start
}

// JoinHandle is the handle of a spawned thread (Rust: JoinHandle). Join it
// once to wait for the thread and get its result.
type JoinHandle[T any] struct {
	core
	f     func() T // the function passed to Spawn
	value T        // written by the thread before done
}

// ErrJoined is returned by a second Join of the same handle.
var ErrJoined = errors.New("thread: Join called twice on the same handle " +
	"(Rust rejects this at compile time: join takes the JoinHandle by value, so the handle is gone after the first join)")

// ErrGoexit is returned by Join when the thread ended with runtime.Goexit —
// t.FailNow, t.SkipNow or t.Fatal called inside it — instead of returning.
var ErrGoexit = errors.New("thread: the thread called runtime.Goexit (t.FailNow or t.Fatal inside a thread?) and returned no result")

// Join waits for the thread to finish and returns its result (Rust:
// JoinHandle::join). If the thread panicked, Join returns T's zero value and
// a *PanicError; the program goes on. A second Join returns ErrJoined.
//
// With the deadlock checks on, joining a thread that waits for a lock the
// joiner holds does not hang: whichever of the two would block second
// panics with a *engine.Error — Join itself, or the thread, and then Join
// returns a *PanicError that wraps it.
func (h *JoinHandle[T]) Join() (T, error) {
	var zero T
	var site callers.PCs
	if hook.Active() {
		site = callers.Capture()
	}
	if err := h.join(site); err != nil {
		return zero, err
	}
	if h.err != nil {
		return zero, h.err
	}
	if h.claim != nil {
		h.claim()
	}
	return h.value, nil
}

// join waits for the thread; afterwards its results may be read.
func (c *core) join(site callers.PCs) error {
	if c.joined.Load() {
		return c.errJoined()
	}
	// (A finished thread is not joining itself: built with the mutant tag
	// fearless_mutant_inline, a thread ran, and finished, on its caller.)
	if !c.finished.Load() && c.goid.Load() == goid.Get() {
		panic(where.Refuse(fmt.Sprintf("thread: thread %q joined itself, which would wait forever", rec.ObjectName(c.id))))
	}
	c.wait(site)
	if c.joined.Swap(true) {
		return c.errJoined()
	}
	return nil
}

func (c *core) errJoined() error {
	if c.scope != nil && c.scope.isEnded() {
		return fmt.Errorf("%w; its scope joined it when it ended (a ScopedJoinHandle cannot outlive its scope)", ErrJoined)
	}
	return ErrJoined
}

// wait blocks until the thread has ended, recording the wait at site and
// refusing to block into a deadlock.
func (c *core) wait(site callers.PCs) {
	if !hook.Active() {
		c.done.Wait()
		return
	}
	engine.Point(c.id, engine.OpJoin, 0) // a scheduling point of helpers/explore
	if !c.finished.Load() && hook.Checking() {
		engine.BeforeJoin(c.id) // panics instead of hanging
		defer engine.AfterWait()
	}
	if rec.Enabled() {
		rec.EmitFrom(site, rec.Join, rec.Begin, c.id, 0, 0)
	}
	c.done.Wait()
	if rec.Enabled() {
		rec.EmitFrom(site, rec.Join, rec.End, c.id, 0, 0)
	}
}

// IsFinished reports whether the thread has ended (Rust: is_finished).
func (h *JoinHandle[T]) IsFinished() bool { return h.finished.Load() }

// TraceID returns the thread's id in recordings (see helpers/trace).
func (h *JoinHandle[T]) TraceID() uint64 { return h.id }
