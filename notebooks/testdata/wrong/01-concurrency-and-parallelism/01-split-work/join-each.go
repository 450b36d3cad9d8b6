// Wrong: joins each thread right after spawning it, so the chunks run one after another, never together.
package main

func SplitWork(n, parts int, work func(lo, hi int) int) int {
	total := 0
	for p := range parts {
		lo, hi := p*n/parts, (p+1)*n/parts
		v, _ := thread.Spawn(func() int { return work(lo, hi) }).Join()
		total += v
	}
	return total
}
