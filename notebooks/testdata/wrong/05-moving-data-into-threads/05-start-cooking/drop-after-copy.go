// Wrong: copies the quantities for the thread and drops the caller's order so it cannot be used any more, instead of moving it.
package main

func StartCooking(order *own.Value[[]int]) *thread.JoinHandle[int] {
	items := order.Get()
	order.Drop()
	return thread.Spawn(func() int {
		total := 0
		for _, q := range items {
			total += q
		}
		return total
	})
}
