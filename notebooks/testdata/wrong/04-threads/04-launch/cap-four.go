// Wrong: lets at most 4 jobs run at once ("one per core"), so a bigger crew does not all work at the same time.
package main

func Launch(names []string, job func() string) []string {
	slots := make(chan struct{}, 4)
	handles := make([]*thread.JoinHandle[string], len(names))
	for i, name := range names {
		handles[i] = thread.Spawn(func() string {
			slots <- struct{}{}
			defer func() { <-slots }()
			return job()
		}, thread.Name(name))
	}
	results := make([]string, len(names))
	for i, h := range handles {
		results[i], _ = h.Join()
	}
	return results
}
