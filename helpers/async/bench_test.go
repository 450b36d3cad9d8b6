package async_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
)

var sink int

func one() int { return 1 }

// goRoundTrip is the raw Go for "run this on another goroutine and wait for
// the result": a goroutine and an unbuffered channel.
func goRoundTrip(n int) {
	for range n {
		ch := make(chan int)
		go func() { ch <- one() }()
		sink = <-ch
	}
}

func blockOnTrivial(n int) {
	for range n {
		sink, _ = async.BlockOn(async.New(one))
	}
}

// goWaitGroup is the raw Go for spawning a task and awaiting its handle.
func goWaitGroup(n int) {
	var wg sync.WaitGroup
	for range n {
		var v int
		wg.Add(1)
		go func() { v = one(); wg.Done() }()
		wg.Wait()
		sink = v
	}
}

// spawnAwait spawns and awaits n trivial tasks inside one BlockOn.
func spawnAwait(n int) {
	sink, _ = async.BlockOn(async.New(func() int {
		s := 0
		for range n {
			v, _ := async.Spawn(async.New(one)).Await()
			s += v
		}
		return s
	}))
}

var oneFn = one // a call through a variable is not inlined

// funcCalls calls a function value n times: what a future does once it runs.
func funcCalls(n int) {
	s := 0
	for range n {
		s += oneFn()
	}
	sink = s
}

// awaitInline awaits n ready futures inside one task: the cost of making a
// future and finding the current task.
func awaitInline(n int) {
	sink, _ = async.BlockOn(async.New(func() int {
		s := 0
		for range n {
			s += async.New(one).Await()
		}
		return s
	}))
}

// BenchmarkBlockOn compares BlockOn of a trivial future (a new executor, a
// task goroutine, a worker handoff) with a goroutine and channel round trip.
func BenchmarkBlockOn(b *testing.B) {
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, goRoundTrip, blockOnTrivial) })
	b.Run("on", func(b *testing.B) { benchcmp.Compare(b, goRoundTrip, benchcmp.Recorded(b, 6, blockOnTrivial)) })
}

// BenchmarkSpawnAwait compares Spawn+Await of a trivial task with go+WaitGroup.
func BenchmarkSpawnAwait(b *testing.B) {
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, goWaitGroup, spawnAwait) })
	b.Run("on", func(b *testing.B) { benchcmp.Compare(b, goWaitGroup, benchcmp.Recorded(b, 8, spawnAwait)) })
}

// BenchmarkAwaitReady compares making and awaiting a future inline with
// calling a function value: the difference is finding the current task (a
// goroutine-id lookup); Await does not switch goroutines.
func BenchmarkAwaitReady(b *testing.B) {
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, funcCalls, awaitInline) })
}

// spawnBlockingAwait runs n trivial blocking jobs, one after another, on the
// blocking pool, awaiting each from a task.
func spawnBlockingAwait(n int) {
	sink, _ = async.BlockOn(async.New(func() int {
		s := 0
		for range n {
			v, _ := async.SpawnBlocking(one).Await()
			s += v
		}
		return s
	}))
}

// BenchmarkSpawnBlocking compares SpawnBlocking+Await of a trivial job (an
// idle pool thread reused, a worker handoff) with go+WaitGroup.
func BenchmarkSpawnBlocking(b *testing.B) {
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, goWaitGroup, spawnBlockingAwait) })
	b.Run("on", func(b *testing.B) { benchcmp.Compare(b, goWaitGroup, benchcmp.Recorded(b, 8, spawnBlockingAwait)) })
}

// goGosched is the raw Go for "let another runnable goroutine go first".
func goGosched(n int) {
	for range n {
		runtime.Gosched()
	}
}

// yieldNow yields n times inside one task, with nobody else waiting.
func yieldNow(n int) {
	async.BlockOn(async.New(func() int {
		for range n {
			async.YieldNow()
		}
		return 0
	}))
}

// BenchmarkYieldNow compares YieldNow (give the worker back, ask again) with
// runtime.Gosched.
func BenchmarkYieldNow(b *testing.B) {
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, goGosched, yieldNow) })
	b.Run("on", func(b *testing.B) { benchcmp.Compare(b, goGosched, benchcmp.Recorded(b, 2, yieldNow)) })
}

// goFanOut starts n goroutines and waits for all: the raw Go for spawning
// n tasks and joining their handles.
func goFanOut(n int) {
	var wg sync.WaitGroup
	vs := make([]int, n)
	for i := range n {
		wg.Add(1)
		go func() { vs[i] = one(); wg.Done() }()
	}
	wg.Wait()
}

// spawnJoinAll spawns n trivial tasks on two workers and JoinAlls them.
func spawnJoinAll(n int) {
	async.BlockOn(async.New(func() int {
		hs := make([]*async.Handle[int], n)
		for i := range hs {
			hs[i] = async.Spawn(async.New(one))
		}
		async.JoinAll(hs...)
		return 0
	}), async.Workers(2))
}

// joinN polls n trivial futures within one task.
func joinN(n int) {
	async.BlockOn(async.New(func() int {
		fs := make([]*async.Future[int], n)
		for i := range fs {
			fs[i] = async.New(one)
		}
		async.Join(fs...)
		return 0
	}))
}

// BenchmarkFanOut compares Spawn+JoinAll and Join of n trivial futures with
// n goroutines and a WaitGroup.
func BenchmarkFanOut(b *testing.B) {
	b.Run("JoinAll", func(b *testing.B) { benchcmp.Compare(b, goFanOut, spawnJoinAll) })
	b.Run("Join", func(b *testing.B) { benchcmp.Compare(b, goFanOut, joinN) })
}
