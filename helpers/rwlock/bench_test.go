package rwlock_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/rwlock"
)

var sink int

func rawReadUnlock(n int) {
	var mu sync.RWMutex
	x, s := 1, 0
	for range n {
		mu.RLock()
		s += x
		mu.RUnlock()
	}
	sink = s
}

func fearlessReadUnlock(n int) {
	l := rwlock.New(1)
	s := 0
	for range n {
		g, _ := l.Read()
		s += g.Get()
		g.Unlock()
	}
	sink = s
}

func rawWriteUnlock(n int) {
	var mu sync.RWMutex
	x := 0
	for range n {
		mu.Lock()
		x++
		mu.Unlock()
	}
	sink = x
}

func fearlessWriteUnlock(n int) {
	l := rwlock.New(0)
	for range n {
		g, _ := l.Write()
		*g.Ptr()++
		g.Unlock()
	}
}

// compareModes runs Compare with everything off, recording, and checking.
func compareModes(b *testing.B, raw, fearless func(int)) {
	b.Run("off", func(b *testing.B) {
		benchcmp.Compare(b, raw, fearless)
	})
	b.Run("recording", func(b *testing.B) {
		benchcmp.Compare(b, raw, benchcmp.Recorded(b, 2, fearless))
	})
	b.Run("checking", func(b *testing.B) {
		defer deadlock.Enable(deadlock.Enable(true))
		benchcmp.Compare(b, raw, fearless)
	})
}

// BenchmarkReadUnlock compares an uncontended Read, Get, Unlock with
// sync.RWMutex's RLock/RUnlock in the same run.
func BenchmarkReadUnlock(b *testing.B) { compareModes(b, rawReadUnlock, fearlessReadUnlock) }

// BenchmarkWriteUnlock compares an uncontended Write, increment, Unlock with
// sync.RWMutex's Lock/Unlock in the same run.
func BenchmarkWriteUnlock(b *testing.B) { compareModes(b, rawWriteUnlock, fearlessWriteUnlock) }

// parallel splits n operations over one goroutine per processor.
func parallel(n int, op func(int)) {
	p := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for i := range p {
		wg.Go(func() { op(n/p + boolInt(i < n%p)) })
	}
	wg.Wait()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkParallelReaders has one reader per processor on one lock, where
// the shared reader count of both locks is the bottleneck.
func BenchmarkParallelReaders(b *testing.B) {
	var mu sync.RWMutex
	l := rwlock.New(1)
	x := 1
	benchcmp.Compare(b,
		func(n int) {
			parallel(n, func(n int) {
				for range n {
					mu.RLock()
					_ = x
					mu.RUnlock()
				}
			})
		},
		func(n int) {
			parallel(n, func(n int) {
				for range n {
					g, _ := l.Read()
					g.Get()
					g.Unlock()
				}
			})
		})
}

// BenchmarkMostlyReads is one writer per ten readers, eight goroutines per
// processor, against sync.RWMutex in the same run.
func BenchmarkMostlyReads(b *testing.B) {
	var mu sync.RWMutex
	l := rwlock.New(0)
	x := 0
	p := 8 * runtime.GOMAXPROCS(0)
	spread := func(n int, op func(i int)) {
		var wg sync.WaitGroup
		for g := range p {
			wg.Go(func() {
				for i := g; i < n; i += p {
					op(i)
				}
			})
		}
		wg.Wait()
	}
	benchcmp.Compare(b,
		func(n int) {
			spread(n, func(i int) {
				if i%11 == 0 {
					mu.Lock()
					x++
					mu.Unlock()
				} else {
					mu.RLock()
					_ = x
					mu.RUnlock()
				}
			})
		},
		func(n int) {
			spread(n, func(i int) {
				if i%11 == 0 {
					g, _ := l.Write()
					*g.Ptr()++
					g.Unlock()
				} else {
					g, _ := l.Read()
					g.Get()
					g.Unlock()
				}
			})
		})
}

func BenchmarkAllocs(b *testing.B) {
	l := rwlock.New(0)
	b.ReportAllocs()
	for b.Loop() {
		r, _ := l.Read()
		r.Get()
		r.Unlock()
		w, _ := l.Write()
		*w.Ptr()++
		w.Unlock()
	}
}
