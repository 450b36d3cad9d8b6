// Wrong: each thread sends "" after its items as a "done" marker, and Merge stops after one marker per source, then joins the threads: a source that contains "" ends early and its later items are lost.
package main

func Merge(sources ...[]string) []string {
	tx, rx := mpsc.Channel[string]()
	var hs []*thread.JoinHandle[struct{}]
	for _, src := range sources {
		mine := tx.Clone()
		hs = append(hs, thread.Go(func() {
			defer mine.Drop()
			for _, item := range src {
				mine.Send(item)
			}
			mine.Send("") // done
		}))
	}
	tx.Drop()
	merged := []string{}
	for done := 0; done < len(sources); {
		item, err := rx.Recv()
		if err != nil {
			break
		}
		if item == "" {
			done++
			continue
		}
		merged = append(merged, item)
	}
	for _, h := range hs {
		h.Join()
	}
	return merged
}
