package async_test

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
)

// Results come back in argument order, whatever order the tasks finish in.
// On one worker the finishing order is known: the first future yields once,
// so the two spawned after it, already waiting for the worker, finish first.
func TestJoinKeepsArgumentOrder(t *testing.T) {
	var finished []int // written on the one worker
	future := func(n int, yield bool) *async.Future[string] {
		return async.New(func() string {
			if yield {
				async.YieldNow()
			}
			finished = append(finished, n)
			return fmt.Sprint(n)
		})
	}
	got := block(t, func() []string {
		return async.Join(future(1, true), future(2, false), future(3, false))
	})
	if strings.Join(got, ",") != "1,2,3" {
		t.Fatalf("Join = %v, want [1 2 3]", got)
	}
	if fmt.Sprint(finished) != "[2 3 1]" {
		t.Fatalf("finish order %v, want [2 3 1]", finished)
	}
	if empty := block(t, func() []int { return async.Join[int]() }); len(empty) != 0 {
		t.Fatalf("Join() = %v", empty)
	}
}

// A panic in one future surfaces after all have finished, as the first
// failure in argument order, with its own stack.
func TestJoinPanicsWithFirstFailure(t *testing.T) {
	var others atomic.Int32
	ok := func() *async.Future[int] {
		return async.New(func() int { async.Sleep(time.Millisecond); others.Add(1); return 0 })
	}
	fail := func(msg string) *async.Future[int] {
		return async.New(func() int { panic(msg) })
	}
	_, err := async.BlockOn(async.New(func() int {
		async.Join(ok(), fail("first"), ok(), fail("second"))
		return 0
	}))
	var pe *thread.PanicError
	if !errors.As(err, &pe) || pe.Value != "first" {
		t.Fatalf("BlockOn err = %v, want the PanicError of \"first\"", err)
	}
	if !strings.Contains(pe.Stack, "join_test.go") {
		t.Fatalf("stack does not show the failing future:\n%s", pe.Stack)
	}
	if n := others.Load(); n != 2 {
		t.Fatalf("%d of the 2 other futures finished", n)
	}
}

func TestJoinRefusesUsedFutureAndLosesNothing(t *testing.T) {
	var runs atomic.Int32
	fresh := async.New(func() int { runs.Add(1); return 7 })
	used := async.New(func() int { return 0 })
	got := block(t, func() int {
		used.Await()
		msg := testutil.MustPanic(t, func() { async.Join(fresh, used) })
		if !strings.Contains(msg, "future given to Join after Await consumed it") {
			t.Errorf("Join with a used future: %q", msg)
		}
		return fresh.Await() // fresh was not consumed by the refused Join
	})
	if got != 7 || runs.Load() != 1 {
		t.Fatalf("fresh future after a refused Join: %d after %d runs", got, runs.Load())
	}
}
