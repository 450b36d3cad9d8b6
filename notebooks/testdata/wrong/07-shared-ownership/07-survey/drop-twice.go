// Wrong: each thread drops its clone, and main, to be safe, drops every clone again after the joins.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	owners := make([]*arc.Arc[*Dictionary], n)
	handles := make([]*thread.JoinHandle[bool], n)
	for i := range n {
		owners[i] = dict.Clone()
		handles[i] = thread.Spawn(func() bool {
			defer owners[i].Drop()
			return ask(i, owners[i])
		})
	}
	dict.Drop()
	answers := make([]bool, n)
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	for _, o := range owners {
		o.Drop()
	}
	return answers
}
