package own_test

import (
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/own"
	"github.com/fearless-go/fearless/helpers/thread"
)

var sink int

// BenchmarkGet compares reading an owned value with reading a plain
// variable through a pointer (so the compiler cannot hoist the read).
func BenchmarkGet(b *testing.B) {
	benchcmp.Compare(b, func(n int) {
		x := 5
		p := &x
		for range n {
			sink += *p
		}
	}, func(n int) {
		v := own.New(5)
		for range n {
			sink += v.Get()
		}
	})
}

// BenchmarkIncrement compares updating an owned value in place with
// updating a plain variable.
func BenchmarkIncrement(b *testing.B) {
	benchcmp.Compare(b, func(n int) {
		x := new(int)
		for range n {
			*x++
		}
		sink += *x
	}, func(n int) {
		v := own.New(0)
		for range n {
			*v.Ptr()++
		}
		sink += v.Get()
	})
}

// BenchmarkSpawnWithMove is a thread that takes an owned value and returns
// it, against the same thread with a plain variable captured.
func BenchmarkSpawnWithMove(b *testing.B) {
	plain := func(n int) {
		x := 1
		for range n {
			r, _ := thread.Spawn(func() int { return x }).Join()
			sink += r
		}
	}
	moved := func(n int) {
		v := own.New(1)
		for range n {
			h := thread.Spawn(func() *own.Value[int] { return v }, thread.Move(v))
			v, _ = h.Join()
			sink += v.Get()
		}
	}
	b.Run("off", func(b *testing.B) { benchcmp.Compare(b, plain, moved) })
	b.Run("recording", func(b *testing.B) {
		benchcmp.Compare(b, plain, benchcmp.Recorded(b, 8, moved))
	})
}

func BenchmarkGetAllocs(b *testing.B) {
	v := own.New(5)
	b.ReportAllocs()
	for b.Loop() {
		sink += v.Get()
	}
}
