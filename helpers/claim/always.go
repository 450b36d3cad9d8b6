package claim

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Dist is the distribution of a run's outcomes: how many runs gave each
// value. Its support (the values that occurred) is what a claim about
// concurrent code talks about; how often each occurred depends on the
// machine.
type Dist[T cmp.Ordered] struct {
	counts map[T]int
	runs   int
}

// Sample calls f runs times and returns the distribution of its results.
func Sample[T cmp.Ordered](runs int, f func() T) Dist[T] {
	d := Dist[T]{counts: map[T]int{}}
	for range runs {
		d.add(f())
	}
	return d
}

func (d *Dist[T]) add(v T) {
	if d.counts == nil {
		d.counts = map[T]int{}
	}
	d.counts[v]++
	d.runs++
}

// Runs is the number of outcomes.
func (d Dist[T]) Runs() int { return d.runs }

// Count is how many runs gave v.
func (d Dist[T]) Count(v T) int { return d.counts[v] }

// Support returns the values that occurred, smallest first.
func (d Dist[T]) Support() []T {
	vs := make([]T, 0, len(d.counts))
	for v := range d.counts {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	return vs
}

// Min is the smallest outcome (the zero value when there were none).
func (d Dist[T]) Min() T {
	var m T
	if s := d.Support(); len(s) > 0 {
		m = s[0]
	}
	return m
}

// Max is the largest outcome (the zero value when there were none).
func (d Dist[T]) Max() T {
	var m T
	if s := d.Support(); len(s) > 0 {
		m = s[len(s)-1]
	}
	return m
}

// String lists each outcome with its count, smallest first, eliding the
// middle of a long support: "1000×3 1500×1 2000×196".
func (d Dist[T]) String() string {
	s := d.Support()
	var parts []string
	for i, v := range s {
		if len(s) > 12 && i == 6 {
			parts = append(parts, fmt.Sprintf("… (%d values) …", len(s)-10))
		}
		if len(s) > 12 && i >= 6 && i < len(s)-4 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%v×%d", v, d.counts[v]))
	}
	return strings.Join(parts, " ")
}

// Always calls f runs times and claims that holds is true of every result:
// a statement about the support of f's distribution, which no schedule can
// contradict. It returns the distribution, for the cell to show.
func Always[T cmp.Ordered](statement string, runs int, f func() T, holds func(T) bool) Dist[T] {
	d := Dist[T]{counts: map[T]int{}}
	bad, first := 0, false
	var firstBad T
	for range runs {
		v := f()
		d.add(v)
		if !holds(v) {
			if !first {
				first, firstBad = true, v
			}
			bad++
		}
	}
	That(statement, bad == 0, "%d of %d runs gave a result it does not hold for (first: %v)", bad, runs, firstBad)
	return d
}
