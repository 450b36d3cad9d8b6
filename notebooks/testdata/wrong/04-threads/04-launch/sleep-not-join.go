// Wrong: starts a named thread per name writing into results[i], then sleeps instead of joining the threads.
package main

func Launch(names []string, job func() string) []string {
	results := make([]string, len(names))
	for i, name := range names {
		thread.Go(func() { results[i] = job() }, thread.Name(name))
	}
	time.Sleep(100 * time.Millisecond)
	return results
}
