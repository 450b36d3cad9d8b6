// Wrong: moves the order to a new handle (let b = a) in the caller, so the new handle still belongs to the caller, not to the thread.
package main

func StartCooking(order *own.Value[[]int]) *thread.JoinHandle[int] {
	mine := order.Move()
	return thread.Spawn(func() int {
		total := 0
		for _, q := range mine.Get() {
			total += q
		}
		return total
	})
}
