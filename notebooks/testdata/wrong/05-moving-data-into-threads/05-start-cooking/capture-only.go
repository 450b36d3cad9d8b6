// Wrong: the closure captures order but nothing moves it, so the caller still owns it and the thread may not use it.
package main

func StartCooking(order *own.Value[[]int]) *thread.JoinHandle[int] {
	return thread.Spawn(func() int {
		total := 0
		for _, q := range order.Get() {
			total += q
		}
		return total
	})
}
