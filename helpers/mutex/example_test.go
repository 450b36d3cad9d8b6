package mutex_test

import (
	"fmt"
	"sync"

	"github.com/fearless-go/fearless/helpers/mutex"
)

// Five goroutines add to one counter; the counter lives inside the mutex, so
// there is no way to touch it without the lock.
func Example() {
	counter := mutex.New(0)
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				g, _ := counter.Lock()
				*g.Ptr() += 1
				g.Unlock()
			}
		}()
	}
	wg.Wait()
	g, _ := counter.Lock()
	defer g.Unlock()
	fmt.Println("final count:", g.Get())
	// Output: final count: 50
}

// A goroutine that panics while holding the guard poisons the mutex. The next
// Lock still gets the guard, with an error saying the value may be broken.
func ExamplePoisonError() {
	balance := mutex.New(100)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { recover() }() // keep the example alive
		g, _ := balance.Lock()
		defer g.Unlock()
		g.Set(g.Get() - 30)
		panic("transfer failed before crediting the other account")
	}()
	<-done

	g, err := balance.Lock()
	fmt.Println(err)
	if perr, ok := err.(*mutex.PoisonError[int]); ok {
		g = perr.IntoInner()
		fmt.Println("value after the panic:", g.Get())
	}
	g.Unlock()
	// Output:
	// mutex: poisoned: a goroutine panicked while holding the lock, so the value may be half-updated (the guard is still yours: IntoInner)
	// value after the panic: 70
}

// Using a guard after Unlock is a compile error in Rust; here it panics.
func ExampleGuard_Unlock() {
	m := mutex.New("config")
	g, _ := m.Lock()
	g.Unlock()
	defer func() { fmt.Println(recover()) }()
	g.Get()
	// Output: mutex: guard used after Unlock at example_test.go:66 (Rust rejects this at compile time: the guard was dropped)
}

// MustLock is Rust's lock().unwrap(): the guard, or a panic if a goroutine
// panicked while holding the lock.
func ExampleMutex_MustLock() {
	hits := mutex.New(0, mutex.Name("hits"))
	g := hits.MustLock()
	*g.Ptr() += 1
	g.Unlock()

	g = hits.MustLock()
	defer g.Unlock()
	fmt.Println("hits:", g.Get())
	// Output: hits: 1
}

// IntoInner takes the value out once no one else needs the lock; the mutex
// cannot be used afterwards.
func ExampleMutex_IntoInner() {
	words := mutex.New([]string{"fearless"})
	g := words.MustLock()
	*g.Ptr() = append(*g.Ptr(), "concurrency")
	g.Unlock()
	v, err := words.IntoInner()
	fmt.Println(v, err)
	// Output: [fearless concurrency] <nil>
}
