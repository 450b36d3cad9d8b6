package thread_test

import (
	"errors"
	"fmt"

	"github.com/fearless-go/fearless/helpers/thread"
)

// One thread returns a value, another panics: Join hands back the value and
// the panic, and the program goes on. As in Rust, the panic is also announced
// on standard output when it happens, joined or not.
func Example() {
	worker := thread.Spawn(func() int {
		return 42
	}, thread.Name("worker"))
	panicking := thread.Spawn(func() int {
		panic("the worker thread has panicked!")
	}, thread.Name("panicker"))

	if _, err := panicking.Join(); err != nil {
		fmt.Println("panicker failed:", err)
	}
	if v, err := worker.Join(); err == nil {
		fmt.Println("worker returned", v)
	}
	fmt.Println("main goes on")
	// Output:
	// thread 'panicker' panicked at example_test.go:18: the worker thread has panicked!
	// panicker failed: thread 'panicker' panicked at example_test.go:18: the worker thread has panicked!
	// worker returned 42
	// main goes on
}

// Scoped threads may borrow local variables: Scope returns only once every
// thread spawned into it has ended.
func ExampleScope() {
	numbers := []int{1, 2, 3, 4, 5, 6}
	var left, right int
	thread.Scope(func(s *thread.Scoped) {
		s.Go(func() {
			for _, n := range numbers[:3] {
				left += n
			}
		})
		s.Go(func() {
			for _, n := range numbers[3:] {
				right += n
			}
		})
	})
	fmt.Println(left, right)
	// Output: 6 15
}

// Spawn a thread that returns a result into a scope with the In option.
func ExampleIn() {
	words := []string{"fearless", "concurrency"}
	thread.Scope(func(s *thread.Scoped) {
		h := thread.Spawn(func() int { return len(words[1]) }, thread.In(s))
		n, _ := h.Join()
		fmt.Println(n)
	})
	// Output: 11
}

// A thread knows its own name.
func ExampleCurrent() {
	fmt.Println(thread.Current().Name)
	thread.Go(func() {
		fmt.Println(thread.Current().Name)
	}, thread.Name("worker-1")).Join()
	// Output:
	// main
	// worker-1
}

// Joining twice is a compile error in Rust; here it is an error value.
func ExampleJoinHandle_Join() {
	h := thread.Go(func() {})
	_, err := h.Join()
	fmt.Println(err)
	_, err = h.Join()
	fmt.Println(errors.Is(err, thread.ErrJoined))
	// Output:
	// <nil>
	// true
}
