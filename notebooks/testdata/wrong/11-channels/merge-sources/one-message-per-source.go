// Wrong: receives one message per source, as if each thread sent a single value
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
	tx.Drop()
	merged := []string{}
	for range sources {
		item, err := rx.Recv()
		if err != nil {
			break
		}
		merged = append(merged, item)
	}
	return merged
}
