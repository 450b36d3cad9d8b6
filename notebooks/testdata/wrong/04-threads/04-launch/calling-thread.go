// Wrong: runs every job on the calling thread and fills in the names itself: the list looks right, but no crew ever ran.
package main

func Launch(names []string, job func() string) []string {
	results := make([]string, len(names))
	for i, name := range names {
		if r := job(); r != "" {
			results[i] = r
		} else {
			results[i] = name
		}
	}
	return results
}
