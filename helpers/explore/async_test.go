package explore_test

import (
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/explore"
)

// Two tasks add to a plain counter across an await point: with one worker
// the explorer still finds the schedule where both read before either
// writes, and the fixed version (no await between read and write) passes
// every schedule.
func TestAsyncTasksAreControlled(t *testing.T) {
	counter := func(awaitBetween bool) func() {
		return func() {
			n := 0
			add := func() *async.Future[int] {
				return async.New(func() int {
					v := n
					if awaitBetween {
						async.Sleep(time.Millisecond)
					}
					n = v + 1
					return 0
				})
			}
			async.BlockOn(async.New(func() int {
				async.Join(add(), add())
				return 0
			}))
			if n != 2 {
				explore.Failf("lost update across an await: n = %d", n)
			}
		}
	}
	res := explore.Exhaustive(2).Run(counter(true))
	if res.Failure == nil || res.Failure.Kind != explore.CheckFailed {
		t.Fatalf("await between read and write: want the lost update, got %v", res)
	}
	t.Log(res)
	res = explore.Exhaustive(2).Run(counter(false))
	if !res.OK() || !res.Complete {
		t.Fatalf("no await between read and write: %v", res)
	}
	t.Log(res)
	// Spawned tasks, awaited through their handles, on two workers.
	res = explore.Random(1).Schedules(200).Run(func() {
		total, err := async.BlockOn(async.New(func() int {
			h1 := async.Spawn(async.New(func() int { async.Sleep(time.Millisecond); return 1 }))
			h2 := async.Spawn(async.New(func() int { return 2 }))
			a, _ := h1.Await()
			b, _ := h2.Await()
			return a + b
		}), async.Workers(2))
		if err != nil || total != 3 {
			explore.Failf("total %d, %v", total, err)
		}
	})
	if !res.OK() {
		t.Fatalf("spawned tasks: %v", res)
	}
}
