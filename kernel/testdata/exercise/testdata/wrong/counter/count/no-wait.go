// Wrong: returns without waiting for the goroutines: the total is read while they still count.
package main

import "sync"

// Count starts goroutines goroutines that each add 1 to a shared total
// each times, waits for them all, and returns the total.
func Count(goroutines, each int) int {
	var mu sync.Mutex
	total := 0
	for range goroutines {
		go func() {
			for range each {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	mu.Lock()
	defer mu.Unlock()
	return total
}
