// Wrong: counts every chunk on the calling thread: no race and the right totals, but no thread per chunk ever ran.
package main

func WordCount(chunks [][]string) map[string]int {
	totals := map[string]int{}
	for _, chunk := range chunks {
		for _, w := range chunk {
			totals[w]++
		}
	}
	return totals
}
