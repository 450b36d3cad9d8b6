package trace_test

import (
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

// BenchmarkEmit is the cost of one recorded event on one goroutine: the goal
// is at most 100 ns. The baseline beside it is an atomic increment, the
// cheapest possible "recording".
func BenchmarkEmit(b *testing.B) {
	b.Run("baseline=atomic-add", func(b *testing.B) {
		var n atomic.Int64
		for b.Loop() {
			n.Add(1)
		}
	})
	b.Run("off", func(b *testing.B) {
		for b.Loop() {
			if trace.Enabled() {
				primitive.Emit(trace.UserMark, trace.Instant, 1, 0, 0)
			}
		}
	})
	b.Run("on", func(b *testing.B) {
		// Capacity large enough that no event is dropped: dropping is cheaper
		// than storing and would flatter the number.
		if err := trace.Start(trace.Capacity(b.N + 1)); err != nil {
			b.Fatal(err)
		}
		defer stopUntimed(b)
		for b.Loop() {
			primitive.Emit(trace.UserMark, trace.Instant, 1, 0, 0)
		}
	})
	b.Run("on-parallel", func(b *testing.B) {
		if err := trace.Start(trace.Capacity(b.N + 1)); err != nil {
			b.Fatal(err)
		}
		defer stopUntimed(b)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				primitive.Emit(trace.UserMark, trace.Instant, 1, 0, 0)
			}
		})
	})
}

func BenchmarkSnapshot100k(b *testing.B) {
	if err := trace.Start(trace.Capacity(100_000)); err != nil {
		b.Fatal(err)
	}
	defer trace.Stop()
	for range 100_000 {
		primitive.Emit(trace.UserMark, trace.Instant, 1, 0, 0)
	}
	for b.Loop() {
		_ = trace.Snapshot()
	}
}

// stopUntimed ends the recording outside the timed region, discarding the
// events first: collecting millions of them is not part of an event's cost.
func stopUntimed(b *testing.B) {
	b.StopTimer()
	trace.Reset()
	trace.Stop()
}
