package async_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/thread"
)

// fetch is the article's fetch_simulated_data: a future that says when it
// starts, waits without holding the worker, and returns its data.
func fetch(id int) *async.Future[string] {
	return async.New(func() string {
		fmt.Printf("task %d: starting fetch\n", id)
		async.Sleep(10 * time.Millisecond) // thread.Sleep here would hold the worker
		return fmt.Sprintf("data from task %d", id)
	})
}

// Awaiting futures one after another runs them one after another; Join
// polls them together within the task, so the second starts while the first
// waits at its await point, and returns the results in argument order.
func Example() {
	_, err := async.BlockOn(async.New(func() int {
		fmt.Println("got", fetch(1).Await())
		fmt.Println("got", fetch(2).Await())

		both := async.Join(fetch(3), fetch(4))
		fmt.Println("got", both[0], "and", both[1])
		return 0
	}))
	fmt.Println("error:", err)
	// Output:
	// task 1: starting fetch
	// got data from task 1
	// task 2: starting fetch
	// got data from task 2
	// task 3: starting fetch
	// task 4: starting fetch
	// got data from task 3 and data from task 4
	// error: <nil>
}

// Making a future runs nothing: it runs when awaited, spawned, joined or
// given to BlockOn.
func ExampleNew() {
	f := async.New(func() string {
		fmt.Println("running")
		return "done"
	})
	fmt.Println("future made")
	v, _ := async.BlockOn(f)
	fmt.Println(v)
	// Output:
	// future made
	// running
	// done
}

// A spawned task runs beside its spawner; a panic in it comes back from
// Await as a *thread.PanicError instead of crashing the program.
func ExampleSpawn() {
	v, err := async.BlockOn(async.New(func() string {
		ok := async.Spawn(async.New(func() int { return 42 }))
		bad := async.Spawn(async.New(func() int { panic("no data") }))
		n, _ := ok.Await()
		_, err := bad.Await()
		var pe *thread.PanicError
		if errors.As(err, &pe) {
			return fmt.Sprintf("ok: %d, bad panicked with %q", n, pe.Value)
		}
		return "bad did not panic"
	}))
	fmt.Println(v, err)
	// Output:
	// ok: 42, bad panicked with "no data" <nil>
}

// Join polls its futures within the current task, so they take turns on its
// one worker however many workers there are; Spawn puts each on a task of
// its own, and JoinAll collects the handles in order.
func ExampleJoinAll() {
	squares, err := async.BlockOn(async.New(func() []int {
		hs := make([]*async.Handle[int], 4)
		for i := range hs {
			hs[i] = async.Spawn(async.New(func() int { return i * i })) // may run in parallel
		}
		vs, err := async.JoinAll(hs...)
		if err != nil {
			panic(err)
		}
		return vs
	}), async.Workers(4))
	fmt.Println(squares, err)
	// Output:
	// [0 1 4 9] <nil>
}

// A blocking job goes to the blocking pool, so the one worker stays free:
// the task spawned after it runs while the job waits.
func ExampleSpawnBlocking() {
	v, _ := async.BlockOn(async.New(func() string {
		ready := make(chan string)
		job := async.SpawnBlocking(func() string {
			return "job got: " + <-ready // blocks a pool thread, not the worker
		})
		async.Spawn(async.New(func() int { ready <- "hello"; return 0 }))
		s, _ := job.Await()
		return s
	}))
	fmt.Println(v)
	// Output:
	// job got: hello
}

// On one worker, a task that yields lets the task waiting for the worker run.
func ExampleYieldNow() {
	async.BlockOn(async.New(func() int {
		h := async.Spawn(async.New(func() int { fmt.Println("spawned task runs"); return 0 }))
		fmt.Println("before the yield")
		async.YieldNow()
		fmt.Println("after the yield")
		h.Await()
		return 0
	}))
	// Output:
	// before the yield
	// spawned task runs
	// after the yield
}
