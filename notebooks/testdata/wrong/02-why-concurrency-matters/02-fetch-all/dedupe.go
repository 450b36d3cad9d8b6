// Wrong: fetches each distinct id only once and copies its answer to the repeats, so fetch is not called for every id.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	handles := map[int]*thread.JoinHandle[string]{}
	var order []int
	for _, id := range ids {
		if _, ok := handles[id]; !ok {
			handles[id] = thread.Spawn(func() string { return fetch(id) })
			order = append(order, id)
		}
	}
	byID := map[int]string{}
	for _, id := range order {
		byID[id], _ = handles[id].Join()
	}
	answers := make([]string, len(ids))
	for i, id := range ids {
		answers[i] = byID[id]
	}
	return answers
}
