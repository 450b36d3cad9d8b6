// Wrong: hands the caller's *arc.Arc to every thread ("it's a pointer anyway") and drops it once at the end.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		handles[i] = thread.Spawn(func() bool { return ask(i, dict) })
	}
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	dict.Drop()
	return answers
}
