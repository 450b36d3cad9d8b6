package check_test

import (
	"reflect"
	"testing"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
)

// BenchmarkEqual compares an Equal check (a goroutine, a timer, the
// comparison, the record) with reflect.DeepEqual alone, the comparison it
// wraps. A check runs a handful of times per cell, so microseconds are fine.
func BenchmarkEqual(b *testing.B) {
	want := []int{1, 2, 3, 4}
	got := func() any { return []int{1, 2, 3, 4} }
	benchcmp.Compare(b, func(n int) {
		for range n {
			if !reflect.DeepEqual(want, got()) {
				b.Fatal("differ")
			}
		}
	}, func(n int) {
		ex := check.Exercise("bench") // never Done: nothing shown
		for range n {
			ex.Equal("same", want, got)
		}
	})
}
