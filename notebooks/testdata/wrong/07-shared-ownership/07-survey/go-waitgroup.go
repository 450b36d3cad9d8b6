// Wrong: clones per goroutine correctly, but uses plain `go` and a sync.WaitGroup instead of thread.Spawn and Join.
package main

func Survey(dict *arc.Arc[*Dictionary], n int, ask func(i int, own *arc.Arc[*Dictionary]) bool) []bool {
	answers := make([]bool, n)
	var wg sync.WaitGroup
	for i := range n {
		own := dict.Clone()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer own.Drop()
			answers[i] = ask(i, own)
		}()
	}
	dict.Drop()
	wg.Wait()
	return answers
}
