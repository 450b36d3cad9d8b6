// Wrong: lets at most 4 threads ask at once ("one per core"), so a bigger survey does not ask all at the same time.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	slots := make(chan struct{}, 4)
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		own := dict.Clone()
		handles[i] = thread.Spawn(func() bool {
			defer own.Drop()
			slots <- struct{}{}
			defer func() { <-slots }()
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
