// Wrong: drops the caller's owner first, to "get it out of the way", then clones from a dropped owner.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	dict.Drop()
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		own := dict.Clone()
		handles[i] = thread.Spawn(func() bool {
			defer own.Drop()
			return ask(i, own)
		})
	}
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	return answers
}
