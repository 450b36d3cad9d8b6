package sched

import "sort"

func sortEdges[E any](es []E, less func(a, b E) bool) {
	sort.SliceStable(es, func(i, j int) bool { return less(es[i], es[j]) })
}
