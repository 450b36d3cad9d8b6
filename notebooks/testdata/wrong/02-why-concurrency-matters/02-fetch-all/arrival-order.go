// Wrong: every thread appends its answer as soon as it has it, so the answers come back in the order they arrived.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	var mu sync.Mutex
	var answers []string
	var handles []*thread.JoinHandle[struct{}]
	for _, id := range ids {
		handles = append(handles, thread.Go(func() {
			a := fetch(id)
			mu.Lock()
			answers = append(answers, a)
			mu.Unlock()
		}))
	}
	for _, h := range handles {
		h.Join()
	}
	return answers
}
