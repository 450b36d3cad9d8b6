// Wrong: each thread appends its result when it finishes, so results come in finishing order, not in the order of names.
package main

func Launch(names []string, job func() string) []string {
	var mu sync.Mutex
	var results []string
	var handles []*thread.JoinHandle[struct{}]
	for _, name := range names {
		handles = append(handles, thread.Go(func() {
			r := job()
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
		}, thread.Name(name)))
	}
	for _, h := range handles {
		h.Join()
	}
	return results
}
