// Wrong: starts a goroutine per id but returns without waiting for them, so the answers are still empty.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	answers := make([]string, len(ids))
	for i, id := range ids {
		go func() { answers[i] = fetch(id) }()
	}
	return answers
}
