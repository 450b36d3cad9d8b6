package arc_test

import (
	"fmt"
	"sync"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/mutex"
)

type Config struct {
	Name    string
	Retries int
}

// Three goroutines share one config. Each gets its own clone and drops it
// when done; the config is dropped once, when its last owner lets go.
func Example() {
	config := arc.New(Config{Name: "prod", Retries: 3}, arc.OnDrop(func(c Config) {
		fmt.Println("config dropped:", c.Name)
	}))
	clones := []*arc.Arc[Config]{config.Clone(), config.Clone(), config.Clone()}
	fmt.Println("strong count with three clones:", config.StrongCount())

	var wg sync.WaitGroup
	lines := make([]string, len(clones))
	for i, c := range clones {
		wg.Go(func() {
			defer c.Drop()
			lines[i] = fmt.Sprintf("thread %d: %s, %d retries", i, c.Get().Name, c.Get().Retries)
		})
	}
	wg.Wait()
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println("strong count after the threads:", config.StrongCount())
	config.Drop()
	// Output:
	// strong count with three clones: 4
	// thread 0: prod, 3 retries
	// thread 1: prod, 3 retries
	// thread 2: prod, 3 retries
	// strong count after the threads: 1
	// config dropped: prod
}

// Shared state that changes needs a lock inside the Arc, as in Rust's
// Arc<Mutex<T>>.
func Example_mutex() {
	counter := arc.New(mutex.New(0))
	var wg sync.WaitGroup
	for range 10 {
		c := counter.Clone()
		wg.Go(func() {
			defer c.Drop()
			g, _ := c.Get().Lock()
			defer g.Unlock()
			*g.Ptr()++
		})
	}
	wg.Wait()
	g, _ := counter.Get().Lock()
	fmt.Println("count:", g.Get())
	g.Unlock()
	counter.Drop()
	// Output:
	// count: 10
}

// Using an owner after Drop is what Rust's compiler refuses; here it panics.
func ExampleArc_Drop() {
	a := arc.New("data")
	b := a.Clone()
	b.Drop()
	defer func() {
		fmt.Println(recover())
		a.Drop()
	}()
	b.Get()
	// Output:
	// arc: use after drop at example_test.go:80 (Rust rejects this at compile time: the Arc was moved into drop)
}

// Get returns a copy: changing it changes nothing shared. Change shared
// state through a lock inside the Arc, or through GetMut while there is one
// owner.
func ExampleArc_Get() {
	config := arc.New(Config{Name: "prod", Retries: 3}, arc.Name("config"))
	c := config.Get()
	c.Retries = 5 // changes the copy only
	fmt.Println("after editing the copy:", config.Get().Retries)

	if p, ok := config.GetMut(); ok { // the only owner: change in place
		p.Retries = 5
	}
	fmt.Println("after GetMut:", config.Get().Retries)
	config.Drop()
	// Output:
	// after editing the copy: 3
	// after GetMut: 5
}

// A Weak handle does not keep the value alive: once the last owner drops
// it, Upgrade fails.
func ExampleWeak() {
	cache := arc.New("big table", arc.OnDrop(func(string) { fmt.Println("dropped") }))
	observer := cache.Downgrade()
	if v, ok := observer.Upgrade(); ok {
		fmt.Println("upgraded:", v.Get(), "strong count", cache.StrongCount())
		v.Drop()
	}
	cache.Drop()
	_, ok := observer.Upgrade()
	fmt.Println("upgrade after the last owner dropped:", ok)
	observer.Drop()
	// Output:
	// upgraded: big table strong count 2
	// dropped
	// upgrade after the last owner dropped: false
}

// TryUnwrap hands the value back once no one else owns it.
func ExampleArc_TryUnwrap() {
	results := arc.New([]int{1, 2, 3})
	worker := results.Clone()
	_, ok := results.TryUnwrap()
	fmt.Println("with a worker still owning it:", ok)
	worker.Drop()
	v, ok := results.TryUnwrap()
	fmt.Println("alone:", v, ok)
	// Output:
	// with a worker still owning it: false
	// alone: [1 2 3] true
}

// PtrEq tells two owners of one value from owners of equal values.
func ExamplePtrEq() {
	a := arc.New(42)
	b := a.Clone()
	c := arc.New(42)
	fmt.Println(arc.PtrEq(a, b), arc.PtrEq(a, c))
	// Output: true false
}
