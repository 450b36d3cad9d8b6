// Wrong: keeps the handles in a map keyed by name, so a repeated name overwrites a handle: that thread is never joined and both entries get the second thread's result.
package main

func Launch(names []string, job func() string) []string {
	handles := map[string]*thread.JoinHandle[string]{}
	for _, name := range names {
		handles[name] = thread.Spawn(job, thread.Name(name))
	}
	byName := map[string]string{}
	for name, h := range handles {
		byName[name], _ = h.Join()
	}
	results := make([]string, len(names))
	for i, name := range names {
		results[i] = byName[name]
	}
	return results
}
