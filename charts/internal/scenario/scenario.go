// Package scenario records small, real concurrent runs for the charts'
// tests, examples and README picture. Each run uses real goroutines, a real
// sync.Mutex and a real channel, and emits the recorder events exactly as
// the helper packages do (primitive.Emit, Begin/End around every wait, "Unlock"
// and "Send" before the operation, "Lock" and "Recv" after it).
package scenario

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

var msgIDs atomic.Uint64

// thread starts fn on a new goroutine the way thread.Spawn does, and
// returns a join function that waits for it the way JoinHandle.Join does.
func thread(name string, fn func()) (join func()) {
	id := primitive.NewID(trace.ThreadObject)
	primitive.Label(id, name)
	primitive.Emit(trace.Spawn, trace.Instant, id, 0, 0)
	done := make(chan struct{})
	go func() {
		trace.NameGoroutine(name)
		primitive.Emit(trace.ThreadRun, trace.Begin, id, 0, 0)
		defer close(done)
		defer primitive.Emit(trace.ThreadRun, trace.End, id, 0, 0)
		fn()
	}()
	return func() {
		primitive.Emit(trace.Join, trace.Begin, id, 0, 0)
		<-done
		primitive.Emit(trace.Join, trace.End, id, 0, 0)
	}
}

// mutex is a sync.Mutex that records like helpers/mutex.
type mutex struct {
	mu sync.Mutex
	id uint64
}

func newMutex(name string) *mutex {
	m := &mutex{id: primitive.NewID(trace.MutexObject)}
	primitive.Label(m.id, name)
	return m
}

func (m *mutex) lock() {
	primitive.Emit(trace.LockWait, trace.Begin, m.id, 0, trace.ModeExclusive)
	m.mu.Lock()
	primitive.Emit(trace.LockWait, trace.End, m.id, 0, trace.ModeExclusive)
	primitive.Emit(trace.Lock, trace.Instant, m.id, 0, 0)
}

func (m *mutex) unlock() {
	primitive.Emit(trace.Unlock, trace.Instant, m.id, 0, 0)
	m.mu.Unlock()
}

// channel is a Go channel that records like helpers/mpsc.
type channel struct {
	ch chan int
	id uint64
}

func newChannel(name string, size int) *channel {
	c := &channel{ch: make(chan int, size), id: primitive.NewID(trace.ChannelObject)}
	primitive.Label(c.id, name)
	return c
}

// recv receives a value; the message id travels with it in this simple
// model because every value sent is its message id.
func (c *channel) recv() int {
	var v int
	select {
	case v = <-c.ch:
	default:
		primitive.Emit(trace.RecvWait, trace.Begin, c.id, 0, 0)
		v = <-c.ch
		primitive.Emit(trace.RecvWait, trace.End, c.id, 0, 0)
	}
	primitive.Emit(trace.Recv, trace.Instant, c.id, uint64(v), 0)
	return v
}

func (c *channel) sendMsg() {
	msg := msgIDs.Add(1)
	primitive.Emit(trace.Send, trace.Instant, c.id, msg, 0)
	select {
	case c.ch <- int(msg):
		return
	default:
	}
	primitive.Emit(trace.SendWait, trace.Begin, c.id, msg, 0)
	c.ch <- int(msg)
	primitive.Emit(trace.SendWait, trace.End, c.id, msg, 0)
}

func sleep(d time.Duration) {
	primitive.Emit(trace.Sleep, trace.Begin, 0, 0, int64(d))
	time.Sleep(d) // the scenario's own work, not a wait for another goroutine
	primitive.Emit(trace.Sleep, trace.End, 0, 0, int64(d))
}

// spin burns CPU for about d, to make "running" visible.
func spin(d time.Duration) {
	t0 := time.Now()
	for time.Since(t0) < d {
	}
}

// Workers records two threads that take turns on a mutex-protected
// counter and send their results over a channel to main, which sleeps,
// receives both and joins both. It returns the recording.
//
// It stops any recording in progress and leaves none running. The calling
// goroutine is named "main", as it would be in a notebook cell.
func Workers() *trace.Recording {
	trace.NameGoroutine("main")
	if err := trace.Start(); err != nil {
		panic(err)
	}
	span := trace.Span("main work")
	counter := newMutex("counter")
	results := newChannel("results", 0)
	var joins []func()
	for _, name := range []string{"worker-1", "worker-2"} {
		joins = append(joins, thread(name, func() {
			for range 3 {
				counter.lock()
				spin(150 * time.Microsecond)
				counter.unlock()
				spin(60 * time.Microsecond)
			}
			results.sendMsg()
		}))
	}
	sleep(300 * time.Microsecond)
	for range joins {
		results.recv()
	}
	for _, j := range joins {
		j()
	}
	span.End()
	trace.Mark("done")
	return trace.Stop()
}

// Deadlock records two threads that take two locks in opposite orders
// and get stuck, the way a real AB/BA deadlock looks to the recorder, and
// main waiting to join the first. Both threads stay blocked until release
// is called, which lets them finish (so a test leaks no goroutines).
func Deadlock() (rec *trace.Recording, release func()) {
	trace.NameGoroutine("main")
	if err := trace.Start(); err != nil {
		panic(err)
	}
	a, b := newMutex("A"), newMutex("B")
	gate := make(chan struct{})
	both := make(chan struct{}, 2)
	stuck := sync.WaitGroup{}
	stuck.Add(2)
	wait := func(first, second *mutex) func() {
		return func() {
			first.lock()
			both <- struct{}{}
			<-gate // hold the first lock until the other thread holds its own
			primitive.Emit(trace.LockWait, trace.Begin, second.id, 0, trace.ModeExclusive)
			stuck.Done()
			<-gate // stuck: the real lock is never taken
		}
	}
	var joins []func()
	joins = append(joins, thread("left", wait(a, b)))
	joins = append(joins, thread("right", wait(b, a)))
	<-both
	<-both
	gate <- struct{}{}
	gate <- struct{}{}
	stuck.Wait()
	primitive.Emit(trace.Join, trace.Begin, primitive.NewID(trace.ThreadObject), 0, 0)
	primitive.Emit(trace.Deadlock, trace.Instant, a.id, 0, 0)
	rec = trace.Stop()
	return rec, func() {
		close(gate)
		for _, j := range joins {
			j()
		}
	}
}

// Parallel records, with the runtime trace, four goroutines that each spin
// for about 3ms under GOMAXPROCS=procs, then restores GOMAXPROCS.
func Parallel(procs int) *trace.Recording {
	old := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(old)
	if err := trace.Start(trace.WithRuntime(0)); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			trace.NameGoroutine(fmt.Sprintf("spinner-%d", i+1))
			<-start
			defer trace.Span("spin").End()
			spin(3 * time.Millisecond)
		}()
	}
	close(start)
	wg.Wait()
	return trace.Stop()
}

// Busy returns a recording of exactly n events, the first n of a run in
// which eight threads take a shared mutex and send to one consumer over a
// buffered channel, as fast as they can.
func Busy(n int) *trace.Recording {
	trace.NameGoroutine("main")
	if err := trace.Start(trace.Capacity(2 * n)); err != nil {
		panic(err)
	}
	const threads = 8
	perIter := 5 // fewer events per loop than the 6 or more recorded: at least n
	iters := n/(threads*perIter) + 1
	lock := newMutex("shared")
	ch := newChannel("queue", 64)
	consumed := make(chan struct{})
	joinConsumer := thread("consumer", func() {
		for range threads * iters {
			ch.recv()
		}
		close(consumed)
	})
	var joins []func()
	for i := range threads {
		joins = append(joins, thread(fmt.Sprintf("producer-%d", i+1), func() {
			for range iters {
				lock.lock()
				lock.unlock()
				ch.sendMsg()
			}
		}))
	}
	for _, j := range joins {
		j()
	}
	<-consumed
	joinConsumer()
	rec := trace.Stop()
	if len(rec.Events) > n {
		rec.Events = rec.Events[:n]
		rec.Duration = rec.Events[n-1].Time
	}
	return rec
}
