package thread_test

import (
	"sync"
	"testing"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/deadlock"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/thread"
)

var sink int

// rawSpawnJoin is the Go idiom: a goroutine, a WaitGroup, a shared result.
func rawSpawnJoin(n int) {
	for i := range n {
		var wg sync.WaitGroup
		var r int
		wg.Add(1)
		go func() {
			defer wg.Done()
			r = i
		}()
		wg.Wait()
		sink += r
	}
}

func fearlessSpawnJoin(n int) {
	for i := range n {
		r, _ := thread.Spawn(func() int { return i }).Join()
		sink += r
	}
}

// BenchmarkSpawnJoin compares spawning a thread and joining it for its
// result with `go` plus a sync.WaitGroup, in the same run.
func BenchmarkSpawnJoin(b *testing.B) {
	b.Run("off", func(b *testing.B) {
		benchcmp.Compare(b, rawSpawnJoin, fearlessSpawnJoin)
	})
	b.Run("named", func(b *testing.B) {
		benchcmp.Compare(b, rawSpawnJoin, func(n int) {
			for i := range n {
				r, _ := thread.Spawn(func() int { return i }, thread.Name("worker")).Join()
				sink += r
			}
		})
	})
	b.Run("recording", func(b *testing.B) {
		benchcmp.Compare(b, rawSpawnJoin, benchcmp.Recorded(b, 6, fearlessSpawnJoin))
	})
	b.Run("checking", func(b *testing.B) {
		defer deadlock.Enable(deadlock.Enable(true))
		benchcmp.Compare(b, rawSpawnJoin, fearlessSpawnJoin)
	})
}

// BenchmarkScope compares a scope of 8 threads with 8 goroutines and a
// WaitGroup.
func BenchmarkScope(b *testing.B) {
	const threads = 8
	benchcmp.Compare(b, func(n int) {
		for range n {
			var wg sync.WaitGroup
			for range threads {
				wg.Add(1)
				go func() { defer wg.Done() }()
			}
			wg.Wait()
		}
	}, func(n int) {
		for range n {
			thread.Scope(func(s *thread.Scoped) {
				for range threads {
					s.Go(func() {})
				}
			})
		}
	})
}

// BenchmarkCurrent is the cost of Current, in a named thread and in a plain
// goroutine, against reading the goroutine id alone.
func BenchmarkCurrent(b *testing.B) {
	rawID := func(n int) {
		for range n {
			sink += int(goid.Get())
		}
	}
	current := func(n int) {
		for range n {
			sink += int(thread.Current().ID)
		}
	}
	b.Run("thread", func(b *testing.B) {
		h := thread.Go(func() { benchcmp.Compare(b, rawID, current) }, thread.Name("bench"))
		if _, err := h.Join(); err != nil {
			b.Fatal(err)
		}
	})
	b.Run("goroutine", func(b *testing.B) { benchcmp.Compare(b, rawID, current) })
}

func BenchmarkSpawnJoinAllocs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, _ := thread.Spawn(func() int { return 1 }).Join()
		sink += r
	}
}
