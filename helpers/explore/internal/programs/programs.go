// Package programs holds the small concurrent programs that the explorer's
// tests and benchmarks run, the same ones that rustbench runs under loom
// and shuttle: a two-thread counter, two locks taken in opposite orders, the
// dining philosophers, and a bug of depth two among three threads.
package programs

import (
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// CounterRacy: two threads each add one to a plain variable, as a read and a
// write, each a scheduling point (Rust: an atomic load, then a store). It
// loses an update when both read before either writes.
func CounterRacy() {
	counter := 0
	add := func() {
		explore.Yield()
		v := counter
		explore.Yield()
		counter = v + 1
	}
	a, b := thread.Go(add), thread.Go(add)
	a.Join()
	b.Join()
	if counter != 2 {
		explore.Failf("lost update: counter = %d, want 2", counter)
	}
}

// CounterLocked is the counter with the update under a mutex.
func CounterLocked() {
	counter := mutex.New(0)
	add := func() {
		g := counter.MustLock()
		g.Set(g.Get() + 1)
		g.Unlock()
	}
	a, b := thread.Go(add), thread.Go(add)
	a.Join()
	b.Join()
	if g := counter.MustLock(); g.Get() != 2 {
		explore.Failf("lost update: counter = %d, want 2", g.Get())
	}
}

// ABBA: thread t1 takes A then B, t2 takes B then A (or, ordered, A then B).
func ABBA(ordered bool) func() {
	return func() {
		a, b := mutex.New(0, mutex.Name("A")), mutex.New(0, mutex.Name("B"))
		both := func(x, y *mutex.Mutex[int]) func() {
			return func() {
				gx := x.MustLock()
				gy := y.MustLock()
				gy.Unlock()
				gx.Unlock()
			}
		}
		second := both(b, a)
		if ordered {
			second = both(a, b)
		}
		t1 := thread.Go(both(a, b), thread.Name("t1"))
		t2 := thread.Go(second, thread.Name("t2"))
		t1.Join()
		t2.Join()
	}
}

// Philosophers: n philosophers around n forks; each takes its left fork, then
// its right one, so all can hold their left fork and wait forever. Ordered,
// each takes the lower-numbered fork first, which breaks the cycle. Main is
// the last philosopher (loom runs at most five threads, main included).
func Philosophers(n int, ordered bool) func() {
	return func() {
		forks := make([]*mutex.Mutex[int], n)
		for i := range forks {
			forks[i] = mutex.New(0)
		}
		eat := func(i int) {
			first, second := i, (i+1)%n
			if ordered && second < first {
				first, second = second, first
			}
			f := forks[first].MustLock()
			s := forks[second].MustLock()
			s.Unlock()
			f.Unlock()
		}
		hs := make([]*thread.JoinHandle[struct{}], n-1)
		for i := range n - 1 {
			hs[i] = thread.Go(func() { eat(i) })
		}
		eat(n - 1)
		for _, h := range hs {
			h.Join()
		}
	}
}

// Depth2 has a bug of depth 2 among three threads: it needs t1's write
// before t2's read, and t2's write before t3's read.
func Depth2() {
	x, y := 0, 0
	t1 := thread.Go(func() { explore.Yield(); x = 1 })
	t2 := thread.Go(func() {
		explore.Yield()
		if x == 1 {
			explore.Yield()
			y = 1
		}
	})
	t3 := thread.Go(func() {
		explore.Yield()
		if y == 1 {
			explore.Failf("t3 saw y = 1")
		}
	})
	t1.Join()
	t2.Join()
	t3.Join()
}
