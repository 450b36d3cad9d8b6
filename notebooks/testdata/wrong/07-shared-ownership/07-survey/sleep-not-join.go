// Wrong: gives each thread its own clone, but sleeps instead of joining and reads the answers from a shared slice.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	answers := make([]bool, n)
	for i := range n {
		own := dict.Clone()
		thread.Go(func() {
			defer own.Drop()
			answers[i] = ask(i, own)
		})
	}
	dict.Drop()
	time.Sleep(100 * time.Millisecond)
	return answers
}
