package rwlock_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/engine"
	"github.com/fearless-go/fearless/helpers/rwlock"
)

// panicIn runs f in a new goroutine and returns what it panicked with.
func panicIn(f func()) (recovered any) {
	done := make(chan any)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	return <-done
}

func TestWriterPanicPoisons(t *testing.T) {
	l := rwlock.New([2]int{})
	r := panicIn(func() {
		g, _ := l.Write()
		defer g.Unlock()
		g.Ptr()[0] = 1
		panic("writer failed halfway")
	})
	if r != "writer failed halfway" {
		t.Fatalf("the panic did not go on after Unlock: recovered %v", r)
	}
	if !l.IsPoisoned() {
		t.Fatal("lock not poisoned")
	}

	rg, err := l.Read()
	var rerr *rwlock.PoisonError[rwlock.ReadGuard[[2]int]]
	if !errors.As(err, &rerr) || !strings.HasPrefix(err.Error(), "rwlock: poisoned") {
		t.Fatalf("Read after a writer panic: err = %v, want *PoisonError", err)
	}
	if got := rerr.IntoInner().Get(); got != [2]int{1, 0} || rg.Get() != got {
		t.Fatalf("value through the poisoned read guard = %v, want the half-updated [1 0]", got)
	}
	if tg, err := l.TryRead(); !errors.As(err, &rerr) {
		t.Fatalf("TryRead on a poisoned lock: %v", err)
	} else {
		tg.Unlock()
	}
	rg.Unlock()

	wg, err := l.Write()
	var werr *rwlock.PoisonError[rwlock.WriteGuard[[2]int]]
	if !errors.As(err, &werr) {
		t.Fatalf("Write after a writer panic: err = %v, want *PoisonError", err)
	}
	werr.IntoInner().Set([2]int{0, 0}) // repair
	wg.Unlock()
	if tg, err := l.TryWrite(); !errors.As(err, &werr) {
		t.Fatalf("TryWrite on a poisoned lock: %v", err)
	} else {
		tg.Unlock()
	}

	l.ClearPoison()
	if l.IsPoisoned() {
		t.Fatal("still poisoned after ClearPoison")
	}
	rg, err = l.Read()
	if err != nil || rg.Get() != [2]int{} {
		t.Fatalf("Read after ClearPoison: %v, %v", rg.Get(), err)
	}
	rg.Unlock()
}

// Rust: a panic while holding only a read guard does not poison, since a
// reader cannot have left the value half-updated.
func TestReaderPanicDoesNotPoison(t *testing.T) {
	l := rwlock.New(3)
	r := panicIn(func() {
		g, _ := l.Read()
		defer g.Unlock()
		panic("reader failed")
	})
	if r != "reader failed" {
		t.Fatalf("recovered %v", r)
	}
	if l.IsPoisoned() {
		t.Fatal("a reader's panic poisoned the lock")
	}
	g, err := l.TryWrite() // the read lock was released
	if err != nil {
		t.Fatalf("TryWrite after the reader's panic: %v", err)
	}
	g.Unlock()
}

// Unlock called directly (not deferred) inside a deferred function during
// some other panic must neither swallow the panic nor poison.
func TestPlainUnlockDuringAnotherPanicDoesNotPoison(t *testing.T) {
	l := rwlock.New(0)
	r := panicIn(func() {
		defer func() {
			g, _ := l.Write()
			g.Unlock()
		}()
		panic("elsewhere")
	})
	if r != "elsewhere" {
		t.Fatalf("panic changed to %v", r)
	}
	if l.IsPoisoned() {
		t.Fatal("a lock taken and released during another panic was poisoned")
	}
}

// dieHolding runs take in a goroutine that plays a helpers/thread thread and
// exits still holding what take locked, and returns how many locks the
// checker released for it.
func dieHolding(take func()) int {
	defer deadlock.Enable(deadlock.Enable(true))
	const thread = 4242
	n := make(chan int)
	go func() {
		engine.ThreadStarted(thread)
		take()
		n <- engine.ThreadExited(thread, true)
	}()
	return <-n
}

// With the checks on, a thread that dies holding the write lock releases and
// poisons it, as unwinding does in Rust.
func TestDyingWriterReleasesAndPoisonsWithChecks(t *testing.T) {
	l := rwlock.New(0)
	if n := dieHolding(func() {
		g, _ := l.Write()
		g.Set(7)
	}); n != 1 {
		t.Fatalf("ThreadExited released %d locks, want 1", n)
	}
	g, err := l.TryWrite()
	if err == nil || !l.IsPoisoned() {
		t.Fatalf("after the writer died: err = %v, poisoned = %v", err, l.IsPoisoned())
	}
	if g.Get() != 7 {
		t.Fatalf("value = %d", g.Get())
	}
	g.Unlock()
}

// A thread that dies holding read locks has them released, and nothing is
// poisoned; read guards held by others stay valid.
func TestDyingReaderReleasesWithoutPoisonWithChecks(t *testing.T) {
	l := rwlock.New(5)
	mine, _ := l.Read()
	if n := dieHolding(func() {
		l.Read()
		l.Read() // read locks may nest while no writer waits
	}); n != 2 {
		t.Fatalf("ThreadExited released %d locks, want 2", n)
	}
	if l.IsPoisoned() {
		t.Fatal("a dead reader poisoned the lock")
	}
	if mine.Get() != 5 {
		t.Fatal("value changed")
	}
	if _, err := l.TryWrite(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Fatalf("TryWrite while this goroutine still reads: %v", err)
	}
	mine.Unlock()
	g, err := l.TryWrite()
	if err != nil {
		t.Fatalf("TryWrite once every reader is gone: %v", err)
	}
	g.Unlock()
}
