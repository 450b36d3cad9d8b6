package claim_test

import (
	"fmt"
	"sync"

	"github.com/fearless-go/fearless/helpers/claim"
)

// A cell states what its output proves: with the lock, no update is lost,
// on every run.
func Example() {
	count := func() int {
		var mu sync.Mutex
		var wg sync.WaitGroup
		n := 0
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 250 {
					mu.Lock()
					n++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		return n
	}
	claim.Equal("four goroutines with a lock count to 1000", count(), 1000)
	d := claim.Always("every one of 20 runs counts to 1000", 20, count, func(n int) bool { return n == 1000 })
	fmt.Println("outcomes:", d)
	// Output:
	// ✓ four goroutines with a lock count to 1000
	// ✓ every one of 20 runs counts to 1000
	// outcomes: 1000×20
}

// A false claim prints a ✗ line and panics with a *claim.Failure; in a
// notebook cell the panic fails the cell, after the cell's deferred calls
// (a charts.Show) have run.
func ExampleThat_failure() {
	defer func() {
		f := recover().(*claim.Failure)
		fmt.Println("panicked:", f)
	}()
	lost := 3
	claim.That("no update is lost", lost == 0, "%d updates lost", lost)
	// Output:
	// ✗ no update is lost — 3 updates lost
	// panicked: claim failed: no update is lost — 3 updates lost
}
