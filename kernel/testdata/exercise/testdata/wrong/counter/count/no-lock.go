// Wrong: no lock around total++: the goroutines' increments race, and some are lost.
package main

import "sync"

// Count starts goroutines goroutines that each add 1 to a shared total
// each times, waits for them all, and returns the total.
func Count(goroutines, each int) int {
	var wg sync.WaitGroup
	total := 0
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				total++
			}
		}()
	}
	wg.Wait()
	return total
}
