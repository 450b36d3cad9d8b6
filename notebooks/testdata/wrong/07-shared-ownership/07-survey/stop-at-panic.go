// Wrong: joins with an early return when a thread panicked ("the survey failed"), leaving the other threads unjoined.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
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
		a, err := h.Join()
		if err != nil {
			return nil
		}
		answers[i] = a
	}
	return answers
}
