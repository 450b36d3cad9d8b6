// Wrong: names the threads but waits for them with a sync.WaitGroup and a shared slice instead of Join, ignoring the handles (a thread that panics is never noticed).
package main

func Launch(names []string, job func() string) []string {
	results := make([]string, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		thread.Go(func() {
			defer wg.Done()
			results[i] = job()
		}, thread.Name(name))
	}
	wg.Wait()
	return results
}
