// Wrong: joins each thread right after starting it, so the crew works one at a time.
package main

func Launch(names []string, job func() string) []string {
	var results []string
	for _, name := range names {
		r, _ := thread.Spawn(job, thread.Name(name)).Join()
		results = append(results, r)
	}
	return results
}
