// Wrong: each thread drops its owner after ask returns, without defer; when ask panics the owner is never dropped and the dictionary is never freed.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		own := dict.Clone()
		handles[i] = thread.Spawn(func() bool {
			answer := ask(i, own)
			own.Drop()
			return answer
		})
	}
	dict.Drop()
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	return answers
}
