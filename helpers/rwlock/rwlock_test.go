package rwlock_test

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/rwlock"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func TestGuardsGiveAccessToValue(t *testing.T) {
	l := rwlock.New([]string{"a"})
	w, err := l.Write()
	if err != nil {
		t.Fatal(err)
	}
	w.Set(append(w.Get(), "b"))
	*w.Ptr() = append(*w.Ptr(), "c")
	w.Unlock()
	r, err := l.Read()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Unlock()
	if got := strings.Join(r.Get(), ""); got != "abc" {
		t.Fatalf("value = %q, want abc", got)
	}
}

func TestZeroRwLockIsUsable(t *testing.T) {
	var l rwlock.RwLock[int]
	w, err := l.Write()
	if err != nil {
		t.Fatal(err)
	}
	*w.Ptr() = 5
	w.Unlock()
	r, _ := l.Read()
	if r.Get() != 5 {
		t.Fatalf("value = %d", r.Get())
	}
	r.Unlock()
	if l.TraceID() == 0 || primitive.KindOf(l.TraceID()) != trace.RwLockObject || l.TraceID() != l.TraceID() {
		t.Fatalf("zero rwlock has id %d", l.TraceID())
	}
	if n := rwlock.New(0); primitive.KindOf(n.TraceID()) != trace.RwLockObject {
		t.Fatalf("New gives id %d", n.TraceID())
	}
}

func TestTryReadAndTryWrite(t *testing.T) {
	l := rwlock.New("x")
	r1, err := l.TryRead()
	if err != nil {
		t.Fatalf("TryRead on a free lock: %v", err)
	}
	r2, err := l.TryRead()
	if err != nil {
		t.Fatalf("TryRead beside another reader: %v", err)
	}
	if _, err := l.TryWrite(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Fatalf("TryWrite while read-locked: %v, want ErrWouldBlock", err)
	}
	r1.Unlock()
	if _, err := l.TryWrite(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Fatalf("TryWrite while one reader is left: %v, want ErrWouldBlock", err)
	}
	r2.Unlock()
	w, err := l.TryWrite()
	if err != nil {
		t.Fatalf("TryWrite on a free lock: %v", err)
	}
	if _, err := l.TryRead(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Fatalf("TryRead while write-locked: %v, want ErrWouldBlock", err)
	}
	if _, err := l.TryWrite(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Fatalf("TryWrite while write-locked: %v, want ErrWouldBlock", err)
	}
	w.Unlock()
	if !strings.HasPrefix(rwlock.ErrWouldBlock.Error(), "rwlock: ") {
		t.Errorf("message %q", rwlock.ErrWouldBlock)
	}
}

// Many readers hold the lock at the same time: each takes its read guard
// and waits, still holding it, until all of them hold theirs. With a lock
// that let in one reader at a time, the barrier would never be reached.
func TestReadersHoldTheLockTogether(t *testing.T) {
	const readers = 4
	l := rwlock.New("shared")
	var holding sync.WaitGroup
	holding.Add(readers)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range readers {
		wg.Go(func() {
			g, err := l.Read()
			if err != nil {
				t.Error(err)
			}
			defer g.Unlock()
			holding.Done()
			<-release
			if g.Get() != "shared" {
				t.Errorf("reader sees %q", g.Get())
			}
		})
	}
	all := make(chan struct{})
	go func() { holding.Wait(); close(all) }()
	within(t, all, "readers did not all hold the read lock at once")
	if _, err := l.TryWrite(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Errorf("TryWrite while %d readers hold: %v", readers, err)
	}
	if g, err := l.TryRead(); err != nil {
		t.Errorf("one more TryRead while %d readers hold: %v", readers, err)
	} else {
		g.Unlock()
	}
	close(release)
	wg.Wait()
}

// A writer excludes readers and other writers: a reader that asks while the
// writer holds the lock gets in only after Unlock, and so sees the final value.
func TestWriterExcludesReadersAndWriters(t *testing.T) {
	l := rwlock.New(0)
	w, _ := l.Write()
	w.Set(1)
	seen := make(chan int, 2)
	start := make(chan struct{}, 2)
	go func() {
		start <- struct{}{}
		r, _ := l.Read()
		seen <- r.Get()
		r.Unlock()
	}()
	go func() {
		start <- struct{}{}
		w, _ := l.Write()
		seen <- w.Get()
		w.Unlock()
	}()
	<-start
	<-start
	if _, err := l.TryRead(); !errors.Is(err, rwlock.ErrWouldBlock) {
		t.Fatalf("TryRead while write-locked: %v", err)
	}
	w.Set(2) // whoever is waiting must not see 1
	w.Unlock()
	for range 2 {
		if v := <-seen; v != 2 {
			t.Fatalf("a waiter saw %d while the writer held the lock, want 2", v)
		}
	}
}

// Property: under contention, no reader is in while a writer is, no two
// writers are in at once, readers never see a half-done write, and no write
// is lost.
func TestReadersAndWritersUnderContention(t *testing.T) {
	const readers, writers, rounds = 4, 2, 500
	type pair struct{ a, b int }
	l := rwlock.New(pair{})
	var readersIn, writersIn atomic.Int32
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for range rounds {
				g, _ := l.Write()
				if writersIn.Add(1) != 1 || readersIn.Load() != 0 {
					t.Error("a writer is in beside someone else")
				}
				p := g.Ptr()
				p.a++
				p.b++
				writersIn.Add(-1)
				g.Unlock()
			}
		})
	}
	for range readers {
		wg.Go(func() {
			for range rounds {
				g, _ := l.Read()
				readersIn.Add(1)
				if writersIn.Load() != 0 {
					t.Error("a reader is in beside a writer")
				}
				if v := g.Get(); v.a != v.b {
					t.Errorf("reader saw a half-done write %+v", v)
				}
				readersIn.Add(-1)
				g.Unlock()
			}
		})
	}
	wg.Wait()
	g, _ := l.Read()
	defer g.Unlock()
	if v := g.Get(); v.a != writers*rounds || v.b != writers*rounds {
		t.Fatalf("value = %+v, want both %d", v, writers*rounds)
	}
}
