package own_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/own"
	"github.com/fearless-go/fearless/helpers/thread"
)

// Moving a value into a thread, then using it: Rust refuses to compile the
// last line; here it panics with the line of the move.
func Example() {
	message := own.New("Hello from the main thread!")
	h := thread.Go(func() {
		fmt.Println("thread received:", message.Get())
	}, thread.Name("printer"), thread.Move(message))
	h.Join()

	defer func() { fmt.Println(recover()) }()
	fmt.Println(message.Get())
	// Output:
	// thread received: Hello from the main thread!
	// own: use after move: the value was moved into thread "printer" at example_test.go:14, used at example_test.go:20 (Rust: borrow of moved value)
}

// Move is `let b = a;`: b owns the value, a is dead.
func ExampleValue_Move() {
	a := own.New([]int{1, 2, 3})
	b := a.Move()
	fmt.Println(b.Get())
	fmt.Println(a.Owned())
	// Output:
	// [1 2 3]
	// false
}

// A thread that returns an owned value gives it to the goroutine that joins.
func ExampleMovable() {
	total := own.New(0)
	h := thread.Spawn(func() *own.Value[int] {
		for i := 1; i <= 10; i++ {
			*total.Ptr() += i
		}
		return total
	}, thread.Move(total))
	back, _ := h.Join()
	fmt.Println(back.Get())
	// Output: 55
}
