// Wrong: joins the crew and stops at the first thread that panicked, leaving the rest unjoined.
package main

func Launch(names []string, job func() string) []string {
	handles := make([]*thread.JoinHandle[string], len(names))
	for i, name := range names {
		handles[i] = thread.Spawn(job, thread.Name(name))
	}
	results := make([]string, len(names))
	for i, h := range handles {
		r, err := h.Join()
		if err != nil {
			break
		}
		results[i] = r
	}
	return results
}
