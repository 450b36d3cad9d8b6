// Wrong: copies the quantities out and hands the copy to the thread, so the caller keeps the order and can still change it.
package main

func StartCooking(order *own.Value[[]int]) *thread.JoinHandle[int] {
	items := order.Get()
	return thread.Spawn(func() int {
		total := 0
		for _, q := range items {
			total += q
		}
		return total
	})
}
