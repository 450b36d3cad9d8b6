// Wrong: clones for each thread but lets the threads finish without dropping their clones; the count never reaches 0.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		own := dict.Clone()
		handles[i] = thread.Spawn(func() bool { return ask(i, own) })
	}
	dict.Drop()
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	return answers
}
