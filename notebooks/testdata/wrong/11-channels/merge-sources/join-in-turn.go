// Wrong: starts each source's thread and joins it before starting the next, "so the items cannot get mixed up": one thread per source and every item through the channel, but the sources never run at the same time.
package main

func Merge(sources ...[]string) []string {
	tx, rx := mpsc.Channel[string]()
	for _, src := range sources {
		mine := tx.Clone()
		h := thread.Go(func() {
			defer mine.Drop()
			for _, item := range src {
				mine.Send(item)
			}
		})
		h.Join()
	}
	tx.Drop()
	merged := []string{}
	for item := range rx.Iter() {
		merged = append(merged, item)
	}
	return merged
}
