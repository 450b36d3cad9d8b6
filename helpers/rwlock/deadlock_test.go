package rwlock_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/rwlock"
	"github.com/fearless-go/fearless/helpers/trace"
)

// checks turns the deadlock checks on for one test.
func checks(t *testing.T) {
	t.Helper()
	was := deadlock.Enable(true)
	deadlock.Reset()
	deadlock.SetOutput(nil)
	t.Cleanup(func() {
		deadlock.Enable(was)
		deadlock.Reset()
	})
}

// waitForQueuedWriter yields until a writer waits for l, which the caller
// holds a read guard of: TryRead is refused only when a writer holds or
// awaits the lock, and none can hold it while the caller reads.
func waitForQueuedWriter(l *rwlock.RwLock[int]) {
	for {
		g, err := l.TryRead()
		if errors.Is(err, rwlock.ErrWouldBlock) {
			return
		}
		g.Unlock()
		runtime.Gosched()
	}
}

// The consequence of preferring writers: a goroutine that read-locks a lock
// it already reads, while a writer waits, would wait for the writer, which
// waits for that goroutine's first read lock. The checks report it.
func TestNestedReadBehindWaitingWriterIsReported(t *testing.T) {
	checks(t)
	l := rwlock.New(0)
	trace.Label(l, "config")
	outer, _ := l.Read()
	written := make(chan struct{})
	go func() {
		defer close(written)
		g, _ := l.Write() // waits for outer
		g.Set(1)
		g.Unlock()
	}()
	waitForQueuedWriter(l)
	err := panicValue(func() { l.Read() })
	var derr *deadlock.Error
	if !errors.As(err, &derr) {
		t.Fatalf("nested Read behind a waiting writer: panic %v, want a *deadlock.Error", err)
	}
	if len(derr.Cycle) != 2 || derr.Cycle[0].Goroutine == derr.Cycle[1].Goroutine {
		t.Errorf("cycle = %+v, want this goroutine and the writer", derr.Cycle)
	}
	msg := err.Error()
	for _, want := range []string{`read-lock rwlock "config"`, "writers go first", `for rwlock "config", which goroutine`, "deadlock_test.go:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
	if outer.Get() != 0 {
		t.Fatal("the writer got in while a reader held the lock")
	}
	outer.Unlock() // lets the writer in
	<-written
	g, _ := l.Read()
	defer g.Unlock()
	if g.Get() != 1 {
		t.Fatalf("value = %d after the writer", g.Get())
	}
}

// panicValue runs f and returns the error it panicked with, if any.
func panicValue(f func()) (err error) {
	defer func() { err, _ = recover().(error) }()
	f()
	return nil
}

// Read locks cannot be upgraded: Write while holding a read guard waits for
// that read guard forever. The checks report it.
func TestWriteWhileReadingIsReported(t *testing.T) {
	checks(t)
	l := rwlock.New(0)
	trace.Label(l, "table")
	r, _ := l.Read()
	defer r.Unlock()
	err := panicValue(func() { l.Write() })
	var derr *deadlock.Error
	if !errors.As(err, &derr) || !strings.Contains(err.Error(), `rwlock "table", which it already holds`) {
		t.Fatalf("Write while holding a read guard: %v", err)
	}
}
