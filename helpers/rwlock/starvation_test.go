package rwlock_test

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/rwlock"
)

// relay is a stream of readers that keeps the lock read-held without a gap:
// each reader takes its read lock, starts the next reader, and lets go only
// once the next one holds the lock too — or once it sees that a writer is
// queued. Without a policy for writers, a writer could never get in.
type relay struct {
	l       *rwlock.RwLock[int]
	started chan struct{} // closed when the stream has run for a while
	wg      sync.WaitGroup

	admitted    atomic.Int64  // readers that got the lock
	writerSeen  atomic.Bool   // a reader, holding its lock, saw a writer queued
	writerAt    atomic.Int64  // readers admitted before the writer got in
	afterWriter atomic.Int64  // readers admitted after the writer
	overtook    atomic.Int64  // readers that asked after the writer was seen queued, yet got in first: must stay 0
	tryOvertook atomic.Int64  // TryRead calls admitted while the writer was queued: must stay 0
	gaveUp      atomic.Bool   // the stream reached maxReaders without the writer getting in
	ended       chan struct{} // closed by the last reader of the stream
	probes      sync.WaitGroup
}

const (
	startWriterAfter = 3       // readers admitted before the writer starts
	readersAfter     = 10      // the stream goes on this long after the writer
	maxReaders       = 100_000 // a writer still out by then is starved
	written          = 1       // the value the writer stores
)

// reader is one link of the stream; prevHolds is closed once it holds its lock.
func (s *relay) reader(prevHolds chan<- struct{}) {
	defer s.wg.Done()
	askedAfterWriterSeen := s.writerSeen.Load()
	g, _ := s.l.Read()
	n := s.admitted.Add(1)
	wrote := g.Get() == written
	if askedAfterWriterSeen && !wrote {
		s.overtook.Add(1)
	}
	if prevHolds != nil {
		close(prevHolds)
	}
	if n == startWriterAfter {
		close(s.started)
	}
	if wrote && s.afterWriter.Add(1) >= readersAfter || n >= maxReaders {
		s.gaveUp.Store(!wrote)
		g.Unlock()
		close(s.ended) // only one reader ends the stream: it starts no next one
		return
	}
	next := make(chan struct{})
	s.wg.Add(1)
	go s.reader(next)
	for {
		select {
		case <-next: // the next reader holds the lock: no gap
			g.Unlock()
			return
		default:
		}
		if s.writerQueued() {
			s.probe()
			g.Unlock()
			return
		}
		runtime.Gosched()
	}
}

// writerQueued reports whether a writer waits. The caller holds a read lock,
// so no writer can hold it: a refused TryRead means one is queued.
func (s *relay) writerQueued() bool {
	g, err := s.l.TryRead()
	if errors.Is(err, rwlock.ErrWouldBlock) {
		s.writerSeen.Store(true)
		return true
	}
	g.Unlock()
	return false
}

// probe sends new readers at the lock while the caller still holds its read
// lock and a writer is queued: those trying must all be refused; those
// waiting are checked when they get in.
func (s *relay) probe() {
	var tries sync.WaitGroup
	for range 4 {
		tries.Go(func() {
			if g, err := s.l.TryRead(); err == nil {
				s.tryOvertook.Add(1)
				g.Unlock()
			}
		})
		s.probes.Go(func() {
			g, _ := s.l.Read()
			if g.Get() != written {
				s.overtook.Add(1)
			}
			g.Unlock()
		})
	}
	tries.Wait()
}

// A continuous, overlapping stream of readers does not keep a writer out:
// once the writer is queued, no new reader gets in before it, and the stream
// goes on after it.
func TestWriterIsNotStarvedByAStreamOfReaders(t *testing.T) {
	s := &relay{l: rwlock.New(0), started: make(chan struct{}), ended: make(chan struct{})}
	s.wg.Add(1)
	go s.reader(nil)
	<-s.started
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		g, _ := s.l.Write()
		s.writerAt.Store(s.admitted.Load())
		g.Set(written)
		g.Unlock()
	}()
	<-s.ended
	s.wg.Wait()
	s.probes.Wait()
	<-writerDone // it gets in at the latest when the stream ends
	if s.gaveUp.Load() {
		t.Fatalf("the writer was starved: %d overlapping readers got in before it", maxReaders)
	}
	if !s.writerSeen.Load() {
		t.Fatal("no reader ever saw the writer queued: it cannot have got in through the stream")
	}
	if n := s.overtook.Load(); n != 0 {
		t.Errorf("%d readers that asked after the writer was queued got in before it", n)
	}
	if n := s.tryOvertook.Load(); n != 0 {
		t.Errorf("%d TryRead calls got in while the writer was queued", n)
	}
	if s.afterWriter.Load() < readersAfter {
		t.Errorf("only %d readers after the writer, want the stream to go on", s.afterWriter.Load())
	}
	t.Logf("writer got in after %d readers; %d readers followed", s.writerAt.Load(), s.admitted.Load()-s.writerAt.Load())
}
