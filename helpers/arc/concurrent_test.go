package arc_test

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
)

// Property: any number of goroutines cloning and dropping at once leave the
// count exact, and the drop function does not run while an owner is left.
func TestConcurrentCloneDropIsExact(t *testing.T) {
	const goroutines, pairs = 8, 2000
	var ran atomic.Int32
	a := arc.New("shared", arc.OnDrop(func(string) { ran.Add(1) }))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range goroutines {
		mine := a.Clone()
		wg.Go(func() {
			defer mine.Drop()
			<-start
			for range pairs {
				c := mine.Clone()
				if c.Get() != "shared" {
					t.Error("a clone sees another value")
				}
				c.Drop()
			}
		})
	}
	if n := a.StrongCount(); n != goroutines+1 {
		t.Fatalf("strong count %d before the start, want %d", n, goroutines+1)
	}
	close(start)
	wg.Wait()
	if n := a.StrongCount(); n != 1 || ran.Load() != 0 {
		t.Fatalf("after the goroutines: strong count %d (want 1), drop function ran %d times (want 0)", n, ran.Load())
	}
	a.Drop()
	if ran.Load() != 1 {
		t.Fatalf("drop function ran %d times after the last Drop, want 1", ran.Load())
	}
}

// Property: when several goroutines drop the last owners at the same moment,
// exactly one of them frees the value, and it sees every owner's reads
// finished (the race detector checks the zeroing against the reads).
func TestRacingLastDropsFreeOnce(t *testing.T) {
	const owners, rounds = 4, 200
	for range rounds {
		var ran atomic.Int32
		a := arc.New(map[string]int{"x": 1}, arc.OnDrop(func(m map[string]int) {
			ran.Add(1)
			if m["x"] != 1 {
				t.Error("drop function got another value")
			}
		}))
		handles := []*arc.Arc[map[string]int]{a}
		for range owners - 1 {
			handles = append(handles, a.Clone())
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for _, h := range handles {
			wg.Go(func() {
				<-start
				_ = h.Get()["x"]
				h.Drop()
			})
		}
		close(start)
		wg.Wait()
		if ran.Load() != 1 {
			t.Fatalf("drop function ran %d times, want 1", ran.Load())
		}
	}
}

// Two goroutines dropping the same owner: exactly one Drop counts, the
// other panics, and the count goes down once.
func TestDoubleDropFromTwoGoroutinesPanicsOnce(t *testing.T) {
	for range 200 {
		a := arc.New(0)
		b := a.Clone()
		start := make(chan struct{})
		panics := make(chan string, 2)
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				defer func() {
					r := recover()
					if r != nil {
						panics <- fmt.Sprint(r)
					}
				}()
				<-start
				b.Drop()
			})
		}
		close(start)
		wg.Wait()
		close(panics)
		var msgs []string
		for m := range panics {
			msgs = append(msgs, m)
		}
		if len(msgs) != 1 || !strings.Contains(msgs[0], "Drop called twice") {
			t.Fatalf("panics %q, want exactly one double-Drop panic", msgs)
		}
		if n := a.StrongCount(); n != 1 {
			t.Fatalf("strong count %d, want 1", n)
		}
		a.Drop()
	}
}
