// Wrong: hands the same Sender to every thread instead of a clone, so nobody owns the original and the count of handles is wrong
package main

// Merge starts one thread per source, has each send its items in order over
// one mpsc channel, and returns every item in arrival order.
func Merge(sources ...[]string) []string {
	tx, rx := mpsc.Channel[string]()
	for _, src := range sources {
		thread.Go(func() {
			for _, item := range src {
				tx.Send(item)
			}
		})
	}
	merged := []string{}
	for item := range rx.Iter() {
		merged = append(merged, item)
	}
	return merged
}
