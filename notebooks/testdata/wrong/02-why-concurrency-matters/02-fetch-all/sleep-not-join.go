// Wrong: starts a thread per id writing into answers[i], then sleeps a while instead of joining: it returns before slow answers are in.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	answers := make([]string, len(ids))
	for i, id := range ids {
		thread.Go(func() { answers[i] = fetch(id) })
	}
	time.Sleep(100 * time.Millisecond)
	return answers
}
