// Wrong: each thread holds one shared lock while it sends its whole source, "to keep a source's items together": the threads take turns and nothing is really merged.
package main

import "github.com/fearless-go/fearless/helpers/mutex"

func Merge(sources ...[]string) []string {
	tx, rx := mpsc.Channel[string]()
	turn := mutex.New(struct{}{}, mutex.Name("turn"))
	for _, src := range sources {
		mine := tx.Clone()
		thread.Go(func() {
			defer mine.Drop()
			g := turn.MustLock()
			defer g.Unlock()
			for _, item := range src {
				mine.Send(item)
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
