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

// Awaiting futures one after another runs them one after another; Join runs
// them at the same time, so the second starts while the first is still
// waiting, and returns the results in argument order.
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
