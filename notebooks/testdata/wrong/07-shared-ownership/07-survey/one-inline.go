// Wrong: "one question needs no thread": with n == 1 it asks on the calling thread, with the caller's own owner.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	if n == 1 {
		defer dict.Drop()
		return []bool{ask(0, dict)}
	}
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		own := dict.Clone()
		handles[i] = thread.Spawn(func() bool {
			defer own.Drop()
			return ask(i, own)
		})
	}
	dict.Drop()
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	return answers
}
