// Wrong: hands each thread a clone but keeps the clones in a slice and drops them all in the caller after the joins: the threads never own what they were given.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	owners := make([]*arc.Arc[*Dictionary], n)
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		owners[i] = dict.Clone()
		handles[i] = thread.Spawn(func() bool { return ask(i, owners[i]) })
	}
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	for _, o := range owners {
		o.Drop()
	}
	dict.Drop()
	return answers
}
