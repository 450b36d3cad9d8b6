// Wrong: works on every chunk on the calling thread, one after another: the sum is right, but nothing runs in parallel.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	total := 0
	for p := range parts {
		total += work(p*n/parts, (p+1)*n/parts)
	}
	return total
}
