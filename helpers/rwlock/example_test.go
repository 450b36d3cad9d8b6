package rwlock_test

import (
	"errors"
	"fmt"
	"sync"

	"github.com/fearless-go/fearless/helpers/rwlock"
)

// A cache that one writer fills and many readers read at the same time.
func Example() {
	cache := rwlock.New(map[string]string{})

	fill := func(key, value string) {
		w, _ := cache.Write() // waits until no one reads or writes
		defer w.Unlock()
		(*w.Ptr())[key] = value
	}
	fill("go", "gopher")
	fill("rust", "crab")

	langs := []string{"go", "rust", "zig"}
	found := make([]string, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() {
			r, _ := cache.Read() // readers do not wait for each other
			defer r.Unlock()
			if mascot, ok := r.Get()[lang]; ok {
				found[i] = lang + ": " + mascot
			} else {
				found[i] = lang + ": not cached"
			}
		})
	}
	wg.Wait()
	for _, f := range found {
		fmt.Println(f)
	}
	// Output:
	// go: gopher
	// rust: crab
	// zig: not cached
}

// A writer that panics poisons the lock; a reader that panics does not.
func ExamplePoisonError() {
	config := rwlock.New([]int{1, 2})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { recover() }() // keep the example alive
		w, _ := config.Write()
		defer w.Unlock()
		*w.Ptr() = append(*w.Ptr(), 3)
		panic("reload failed halfway")
	}()
	<-done

	r, err := config.Read()
	fmt.Println(err)
	var perr *rwlock.PoisonError[rwlock.ReadGuard[[]int]]
	if errors.As(err, &perr) {
		fmt.Println("value after the panic:", perr.IntoInner().Get())
	}
	r.Unlock()
	// Output:
	// rwlock: poisoned: a goroutine panicked while holding the write lock, so the value may be half-updated (the guard is still yours: IntoInner)
	// value after the panic: [1 2 3]
}

// A writer waiting in Write holds back new readers, so TryRead is refused
// even though only readers hold the lock.
func ExampleRwLock_TryRead() {
	l := rwlock.New(0)
	r, _ := l.Read()
	writerIn := make(chan struct{})
	go func() {
		w, _ := l.Write() // waits for r
		w.Set(1)
		w.Unlock()
		close(writerIn)
	}()
	for {
		g, err := l.TryRead()
		if err != nil {
			fmt.Println(err)
			break
		}
		g.Unlock() // the writer has not queued yet
	}
	r.Unlock()
	<-writerIn
	r, _ = l.Read()
	fmt.Println("the reader after it sees", r.Get())
	r.Unlock()
	// Output:
	// rwlock: would block: a writer holds or awaits the lock (TryRead), or anyone holds it (TryWrite)
	// the reader after it sees 1
}

// Using a write guard after Unlock is a compile error in Rust; here it panics.
func ExampleWriteGuard_Unlock() {
	l := rwlock.New("settings")
	w, _ := l.Write()
	w.Unlock()
	defer func() { fmt.Println(recover()) }()
	w.Set("changed")
	// Output: rwlock: write guard used after Unlock at example_test.go:109 (Rust rejects this at compile time: the guard was dropped)
}

// MustRead and MustWrite are Rust's read().unwrap() and write().unwrap(): the
// guard, or a panic if a writer panicked while holding the lock.
func ExampleRwLock_MustWrite() {
	settings := rwlock.New(map[string]int{}, rwlock.Name("settings"))
	w := settings.MustWrite()
	(*w.Ptr())["workers"] = 4
	w.Unlock()

	r := settings.MustRead()
	defer r.Unlock()
	fmt.Println("workers:", r.Get()["workers"])
	// Output: workers: 4
}
