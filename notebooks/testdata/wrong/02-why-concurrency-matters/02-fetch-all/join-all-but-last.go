// Wrong: joins handles[:len-1] (off-by-one), relying on the shared answers slice for the last one, which may not have arrived yet.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	answers := make([]string, len(ids))
	handles := make([]*thread.JoinHandle[struct{}], len(ids))
	for i, id := range ids {
		handles[i] = thread.Go(func() { answers[i] = fetch(id) })
	}
	for i := 0; i < len(handles)-1; i++ {
		handles[i].Join()
	}
	return answers
}
