package mutex_test

import (
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/mutex"
)

func rawLockUnlock(n int) {
	var mu sync.Mutex
	x := 0
	for range n {
		mu.Lock()
		x++
		mu.Unlock()
	}
}

func fearlessLockUnlock(n int) {
	m := mutex.New(0)
	for range n {
		g, _ := m.Lock()
		*g.Ptr()++
		g.Unlock()
	}
}

// BenchmarkLockUnlock compares an uncontended Lock, increment, Unlock with
// sync.Mutex in the same run. Goal: x-baseline ≤ 1.5 with everything off.
func BenchmarkLockUnlock(b *testing.B) {
	b.Run("off", func(b *testing.B) {
		benchcmp.Compare(b, rawLockUnlock, fearlessLockUnlock)
	})
	b.Run("recording", func(b *testing.B) {
		benchcmp.Compare(b, rawLockUnlock, benchcmp.Recorded(b, 2, fearlessLockUnlock))
	})
	b.Run("checking", func(b *testing.B) {
		defer deadlock.Enable(deadlock.Enable(true))
		benchcmp.Compare(b, rawLockUnlock, fearlessLockUnlock)
	})
}

// BenchmarkContended is eight goroutines per core incrementing one counter.
func BenchmarkContended(b *testing.B) {
	b.Run("baseline=sync.Mutex", func(b *testing.B) {
		var mu sync.Mutex
		x := 0
		b.SetParallelism(8)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				x++
				mu.Unlock()
			}
		})
	})
	b.Run("fearless", func(b *testing.B) {
		m := mutex.New(0)
		b.SetParallelism(8)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				g, _ := m.Lock()
				*g.Ptr()++
				g.Unlock()
			}
		})
	})
}

func BenchmarkLockAllocs(b *testing.B) {
	m := mutex.New(0)
	b.ReportAllocs()
	for b.Loop() {
		g, _ := m.Lock()
		*g.Ptr()++
		g.Unlock()
	}
}

// BenchmarkLoop is the same Lock, increment, Unlock written the way a user
// would benchmark it, a plain b.Loop beside a sync.Mutex baseline. Compare
// the two ns/op (benchcmp's ratio above alternates rounds instead, so that
// a busy machine slows both sides alike).
func BenchmarkLoop(b *testing.B) {
	b.Run("baseline=sync.Mutex", func(b *testing.B) {
		var mu sync.Mutex
		x := 0
		for b.Loop() {
			mu.Lock()
			x++
			mu.Unlock()
		}
	})
	b.Run("fearless", func(b *testing.B) {
		m := mutex.New(0)
		for b.Loop() {
			g, _ := m.Lock()
			*g.Ptr()++
			g.Unlock()
		}
	})
}
