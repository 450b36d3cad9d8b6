package rc_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/rc"
)

var (
	sinkInt int
	plain   = new(struct{ n int })
)

// plainPair is the raw primitive an Rc's count is: a plain int, up and down.
func plainPair(n int) {
	c := plain
	for range n {
		c.n++
		if c.n == 0 { // what Drop checks; it also keeps the pair from folding away
			panic("unreachable")
		}
		c.n--
	}
}

// Each benchmark function creates its own Rc: the testing package runs
// benchmarks on goroutines of its own, and an Rc works only on its creator's.

func cloneDrop(r *rc.Rc[int]) func(int) {
	return func(n int) {
		for range n {
			r.Clone().Drop()
		}
	}
}

// BenchmarkCloneDrop compares Clone+Drop with the plain increment and
// decrement it wraps. The difference is the handle and the goroutine check.
func BenchmarkCloneDrop(b *testing.B) {
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, plainPair, cloneDrop(rc.New(1))) })
	b.Run("on", func(b *testing.B) {
		r := rc.New(1)
		benchcmp.Compare(b, cloneDrop(r), benchcmp.Recorded(b, 2, cloneDrop(r)))
	})
	// Rust's reason for Rc: it skips Arc's atomic operations. Here Rc
	// skips them too, and pays for the goroutine check instead.
	b.Run("vs-arc", func(b *testing.B) {
		a := arc.New(1)
		defer a.Drop()
		benchcmp.Compare(b,
			func(n int) {
				for range n {
					a.Clone().Drop()
				}
			},
			cloneDrop(rc.New(1)))
	})
}

// BenchmarkGet compares Get with reading the value through a pointer.
func BenchmarkGet(b *testing.B) {
	v := 1
	p := &v
	b.Run("off", func(b *testing.B) {
		r := rc.New(1)
		defer r.Drop()
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
					s += r.Get()
				}
				sinkInt = s
			})
	})
}
