// Wrong: "one id needs no thread": a single id is fetched on the calling thread.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	if len(ids) == 1 {
		return []string{fetch(ids[0])}
	}
	handles := make([]*thread.JoinHandle[string], len(ids))
	for i, id := range ids {
		handles[i] = thread.Spawn(func() string { return fetch(id) })
	}
	answers := make([]string, len(ids))
	for i, h := range handles {
		answers[i], _ = h.Join()
	}
	return answers
}
