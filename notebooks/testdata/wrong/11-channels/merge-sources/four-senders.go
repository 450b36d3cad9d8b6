// Wrong: "never more threads than cores": starts at most four sender threads that share the sources between them, instead of one thread per source.
package main

func Merge(sources ...[]string) []string {
	tx, rx := mpsc.Channel[string]()
	senders := min(len(sources), 4)
	for s := range senders {
		mine := tx.Clone()
		thread.Go(func() {
			defer mine.Drop()
			for i := s; i < len(sources); i += senders {
				for _, item := range sources[i] {
					mine.Send(item)
				}
			}
		})
	}
	tx.Drop()
	merged := []string{}
	for item := range rx.Iter() {
		merged = append(merged, item)
	}
	return merged
}
