package rc_test

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/rc"
	"github.com/fearless-go/fearless/helpers/trace"
)

// Two owners of one list on one goroutine; the list is dropped when the
// second owner lets go.
func Example() {
	list := rc.New([]string{"a", "b"}, rc.OnDrop(func(v []string) {
		fmt.Println("dropped", v)
	}))
	other := list.Clone()
	fmt.Println("strong count:", list.StrongCount(), "value:", other.Get())
	list.Drop()
	fmt.Println("strong count:", other.StrongCount())
	other.Drop()
	// Output:
	// strong count: 2 value: [a b]
	// strong count: 1
	// dropped [a b]
}

// Handing an Rc to another goroutine is what Rust refuses to compile. Here
// the first use on that goroutine panics; the worker recovers and reports it.
func Example_anotherGoroutine() {
	shared := rc.New(42) // created on the main goroutine
	defer shared.Drop()
	done := make(chan any)
	go func() {
		trace.NameGoroutine("worker")
		defer func() { done <- recover() }()
		fmt.Println(shared.Get()) // never printed
	}()
	fmt.Println(<-done)
	fmt.Println("still usable here:", shared.Get())
	// Output:
	// rc: Get called on goroutine "worker" at example_test.go:36, but the Rc was created on goroutine "main" (Rust rejects this at compile time: `Rc<T>` cannot be sent between threads safely, the trait `Send` is not implemented; use arc.Arc to share across goroutines)
	// still usable here: 42
}

// A tree: each parent owns its children (Rc), each child points back with a
// Weak, so parent and child do not keep each other alive.
func ExampleWeak() {
	type node struct {
		name     string
		parent   *rc.Weak[*node]
		children []*rc.Rc[*node]
	}
	root := rc.New(&node{name: "root"}, rc.Name("root"), rc.OnDrop(func(n *node) { fmt.Println("dropped", n.name) }))
	leaf := rc.New(&node{name: "leaf", parent: root.Downgrade()})
	root.Get().children = append(root.Get().children, leaf.Clone())

	if p, ok := leaf.Get().parent.Upgrade(); ok {
		fmt.Println("leaf's parent:", p.Get().name)
		p.Drop()
	}
	fmt.Println("root: strong", root.StrongCount(), "weak", root.WeakCount())
	root.Drop()
	_, ok := leaf.Get().parent.Upgrade()
	fmt.Println("parent still there:", ok)
	// Output:
	// leaf's parent: root
	// root: strong 1 weak 1
	// dropped root
	// parent still there: false
}
