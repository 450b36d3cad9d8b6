// Wrong: adds up the order on the calling thread, then moves the order into a thread that only hands back the total it was given.
package main

func StartCooking(order *own.Value[[]int]) *thread.JoinHandle[int] {
	total := 0
	for _, q := range order.Get() {
		total += q
	}
	return thread.Spawn(func() int { return total }, thread.Move(order))
}
