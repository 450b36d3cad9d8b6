// Package benchcmp measures a helper against the raw Go primitive it wraps in
// the same benchmark run, and reports the ratio. Rounds alternate between the
// two and the fastest round of each counts, so a busy machine slows both sides
// alike instead of skewing the ratio.
package benchcmp

import (
	"math"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/rec"
)

// Rounds is how many alternating rounds Compare times.
const Rounds = 5

// Compare runs baseline(b.N) and subject(b.N) — each must perform its
// operation n times — in alternating rounds, and reports, in the same run, the
// subject's ns/op, the baseline's ns/op and their ratio (metric
// "x-baseline"). The framework grows b.N until a call takes -benchtime, as
// for any benchmark; the fastest round of each side is what is reported.
func Compare(b *testing.B, baseline, subject func(n int)) {
	b.Helper()
	bestBase, bestSub := measure(baseline, subject, b.N)
	n := float64(b.N)
	b.ReportMetric(bestSub/n, "ns/op")
	b.ReportMetric(bestBase/n, "baseline-ns/op")
	b.ReportMetric(bestSub/bestBase, "x-baseline")
}

// measure returns the fastest round of each side, in ns for n operations.
func measure(baseline, subject func(int), n int) (bestBase, bestSub float64) {
	bestBase, bestSub = math.Inf(1), math.Inf(1)
	for range Rounds {
		bestBase = math.Min(bestBase, timeIt(baseline, n))
		bestSub = math.Min(bestSub, timeIt(subject, n))
	}
	return bestBase, bestSub
}

// now is the clock rounds are timed with (a fake one in tests).
var now = time.Now

func timeIt(f func(int), n int) float64 {
	t0 := now()
	f(n)
	return float64(now().Sub(t0).Nanoseconds())
}

// windowEvents is how many events one recording window holds.
const windowEvents = 50_000

// Recorded wraps op so that it runs with the recorder on, as the subject of
// Compare. Every event is stored, none dropped — a dropped event is cheaper
// and would flatter the number — so op runs in windows that each start a
// fresh recording; eventsPerOp says how many events one operation records.
// The benchmark fails if any window overflowed anyway.
func Recorded(b *testing.B, eventsPerOp int, op func(n int)) func(n int) {
	window := max(1, windowEvents/max(1, eventsPerOp))
	// Slack for the partly filled chunks of the recorder's shards.
	capacity := window*eventsPerOp + 64*1024
	return func(n int) {
		if err := rec.Start(rec.Capacity(capacity)); err != nil {
			b.Fatal(err)
		}
		defer func() {
			rec.Reset() // discard: collecting the events is not part of the cost
			rec.Stop()
		}()
		for n > 0 {
			k := min(n, window)
			op(k)
			if d := rec.Dropped(); d > 0 {
				b.Fatalf("benchcmp: %d events dropped in a window of %d operations: raise eventsPerOp to the real count", d, k)
			}
			rec.Reset()
			n -= k
		}
	}
}
