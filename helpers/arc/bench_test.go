package arc_test

import (
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
)

var sinkInt int

// atomicPair is the raw primitive an Arc's count is: one atomic add up, one
// down.
func atomicPair(n int) {
	var count atomic.Int64
	for range n {
		count.Add(1)
		count.Add(-1)
	}
}

func cloneDrop(a *arc.Arc[int]) func(int) {
	return func(n int) {
		for range n {
			a.Clone().Drop()
		}
	}
}

// BenchmarkCloneDrop compares Clone+Drop with the atomic add pair it wraps.
func BenchmarkCloneDrop(b *testing.B) {
	a := arc.New(1)
	defer a.Drop()
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, atomicPair, cloneDrop(a)) })
	b.Run("on", func(b *testing.B) { benchcmp.Compare(b, cloneDrop(a), benchcmp.Recorded(b, 2, cloneDrop(a))) })
}

// BenchmarkGet compares Get with reading the value through a pointer.
func BenchmarkGet(b *testing.B) {
	v := 1
	p := &v
	a := arc.New(1)
	defer a.Drop()
	b.Run("off", func(b *testing.B) {
		benchcmp.Compare(b,
			func(n int) {
				s := 0
				for range n {
					s += *p
				}
				sinkInt = s
			},
			func(n int) {
				s := 0
				for range n {
					s += a.Get()
				}
				sinkInt = s
			})
	})
}
