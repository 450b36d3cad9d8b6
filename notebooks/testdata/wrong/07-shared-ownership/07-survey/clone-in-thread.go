// Wrong: each thread clones the caller's owner itself (the closure borrows dict instead of getting a clone moved in), so the caller must keep dict alive until every thread is joined.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		handles[i] = thread.Spawn(func() bool {
			own := dict.Clone()
			defer own.Drop()
			return ask(i, own)
		})
	}
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	dict.Drop()
	return answers
}
