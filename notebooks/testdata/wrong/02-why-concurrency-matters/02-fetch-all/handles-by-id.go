// Wrong: keeps one handle per id in a map; when an id is asked twice its first handle is overwritten, so that thread is never joined.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	handles := map[int]*thread.JoinHandle[string]{}
	for _, id := range ids {
		handles[id] = thread.Spawn(func() string { return fetch(id) })
	}
	byID := map[int]string{}
	for id, h := range handles {
		byID[id], _ = h.Join()
	}
	answers := make([]string, len(ids))
	for i, id := range ids {
		answers[i] = byID[id]
	}
	return answers
}
