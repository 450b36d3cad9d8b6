// Wrong: plain goroutines and a sync.WaitGroup instead of a thread handle per id joined in order, as the exercise teaches.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	answers := make([]string, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = fetch(id)
		}()
	}
	wg.Wait()
	return answers
}
