// Wrong: asks every question on the calling thread, with an owner of its own each time: the owners are right, but no thread ever ran.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	answers := make([]bool, n)
	for i := range n {
		own := dict.Clone()
		answers[i] = ask(i, own)
		own.Drop()
	}
	dict.Drop()
	return answers
}
