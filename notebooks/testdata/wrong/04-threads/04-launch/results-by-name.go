// Wrong: joins every handle but files each result under its thread's name; a name given twice then gets one of the two threads' results in both places.
package main

func Launch(names []string, job func() string) []string {
	handles := make([]*thread.JoinHandle[string], len(names))
	for i, name := range names {
		handles[i] = thread.Spawn(job, thread.Name(name))
	}
	byName := map[string]string{}
	for i, h := range handles {
		byName[names[i]], _ = h.Join()
	}
	results := make([]string, len(names))
	for i, name := range names {
		results[i] = byName[name]
	}
	return results
}
