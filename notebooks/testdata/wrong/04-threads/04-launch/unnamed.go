// Wrong: starts the threads but forgets thread.Name, so every thread's name is empty.
package main

func Launch(names []string, job func() string) []string {
	handles := make([]*thread.JoinHandle[string], len(names))
	for i := range names {
		handles[i] = thread.Spawn(job)
	}
	results := make([]string, len(names))
	for i, h := range handles {
		results[i], _ = h.Join()
	}
	return results
}
