package check_test

import (
	"reflect"
	"sync"
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

// BenchmarkGate compares a call through an open Gate (a recorded span and
// the gate's count) with the sync.Mutex lock and unlock it is built on. A
// gate sits in an exercise's callback, called a few dozen times per check.
func BenchmarkGate(b *testing.B) {
	var mu sync.Mutex
	gate := check.NewGate("work", 1) // open from the start: holds nothing
	benchcmp.Compare(b, func(n int) {
		for range n {
			mu.Lock()
			mu.Unlock()
		}
	}, func(n int) {
		for range n {
			gate.Enter().End()
		}
	})
}
