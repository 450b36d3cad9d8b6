// Wrong: every thread gets a clone and drops it, but the original Sender is never dropped, so the loop never ends
package main

// Merge starts one thread per source, has each send its items in order over
// one mpsc channel, and returns every item in arrival order.
func Merge(sources ...[]string) []string {
	tx, rx := mpsc.Channel[string]()
	for _, src := range sources {
		mine := tx.Clone()
		thread.Go(func() {
			defer mine.Drop()
			for _, item := range src {
				mine.Send(item)
			}
		})
	}
	merged := []string{}
	for item := range rx.Iter() {
		merged = append(merged, item)
	}
	return merged
}
