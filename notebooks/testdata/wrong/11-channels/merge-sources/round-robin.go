// Wrong: "merge" read as taking turns: gives every source a channel of its own and receives from them round-robin — the items interleave, but not in the order they arrived, and one slow source holds up all the others.
package main

func Merge(sources ...[]string) []string {
	var inboxes []*mpsc.Receiver[string]
	for _, src := range sources {
		tx, rx := mpsc.Channel[string]()
		inboxes = append(inboxes, rx)
		thread.Go(func() {
			defer tx.Drop()
			for _, item := range src {
				tx.Send(item)
			}
		})
	}
	merged := []string{}
	for len(inboxes) > 0 {
		var open []*mpsc.Receiver[string]
		for _, rx := range inboxes {
			item, err := rx.Recv()
			if err != nil {
				continue // this source is done
			}
			merged = append(merged, item)
			open = append(open, rx)
		}
		inboxes = open
	}
	return merged
}
