// Wrong: calls fetch in a plain loop, so every fetch waits for the one before it to answer.
package main

func FetchAll(ids []int, fetch func(id int) string) []string {
	var answers []string
	for _, id := range ids {
		answers = append(answers, fetch(id))
	}
	return answers
}
