package explore_test

import (
	"github.com/fearless-go/fearless/helpers/explore"
	"github.com/fearless-go/fearless/helpers/mutex"
	"github.com/fearless-go/fearless/helpers/thread"
)

// racyCounter: two threads each add one to a plain variable, as a read and
// a write with a scheduling point in between. It loses an update when both
// read before either writes.
func racyCounter() {
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

// lockedCounter is racyCounter with the read and the write under a mutex.
func lockedCounter() {
	counter := mutex.New(0)
	add := func() {
		g := counter.MustLock()
		v := g.Get()
		explore.Yield()
		g.Set(v + 1)
		g.Unlock()
	}
	a, b := thread.Go(add), thread.Go(add)
	a.Join()
	b.Join()
	if g := counter.MustLock(); g.Get() != 2 {
		explore.Failf("lost update: counter = %d, want 2", g.Get())
	}
}

// abba: two threads take two locks in opposite orders.
func abba(ordered bool) func() {
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
		t1 := thread.Go(both(a, b), thread.Name("t1"))
		second := both(b, a)
		if ordered {
			second = both(a, b)
		}
		t2 := thread.Go(second, thread.Name("t2"))
		t1.Join()
		t2.Join()
	}
}

// philosophers: n philosophers, n forks; each takes its left fork then its
// right one, so all can hold their left fork and wait forever. With ordered
// set, each takes the lower-numbered fork first, which breaks the cycle.
func philosophers(n int, ordered bool) func() {
	return func() {
		forks := make([]*mutex.Mutex[int], n)
		for i := range forks {
			forks[i] = mutex.New(0)
		}
		hs := make([]*thread.JoinHandle[struct{}], n)
		for i := range n {
			first, second := i, (i+1)%n
			if ordered && second < first {
				first, second = second, first
			}
			hs[i] = thread.Go(func() {
				f := forks[first].MustLock()
				s := forks[second].MustLock()
				s.Unlock()
				f.Unlock()
			})
		}
		for _, h := range hs {
			h.Join()
		}
	}
}

// depth2 has a bug of depth 2 among three threads: it needs t1's write
// before t2's read, and t2's write before t3's read.
func depth2() {
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
