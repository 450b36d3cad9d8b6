// Package benchcmp measures a helper against the raw Go primitive it wraps in
// the same benchmark run, and reports the ratio. Rounds alternate between the
// two and the fastest round of each counts, so a busy machine slows both sides
// alike instead of skewing the ratio.
package benchcmp

import (
	"math"
	"testing"
	"time"
)

// Rounds is how many alternating rounds Compare times.
const Rounds = 7

// target is how long one round of the baseline should take.
var target = 20 * time.Millisecond

// Compare times baseline(n) and subject(n) — each must run its operation n
// times — and reports, in the same run, the subject's ns/op, the baseline's
// ns/op and their ratio (metric "x-baseline"). It ignores b.N: the framework
// may call the benchmark more than once, and each call measures afresh.
func Compare(b *testing.B, baseline, subject func(n int)) {
	b.Helper()
	bestBase, bestSub, n := measure(baseline, subject)
	b.ReportMetric(bestSub/float64(n), "ns/op")
	b.ReportMetric(bestBase/float64(n), "baseline-ns/op")
	b.ReportMetric(bestSub/bestBase, "x-baseline")
}

// measure returns the fastest round of each side, in ns for n operations.
func measure(baseline, subject func(int)) (bestBase, bestSub float64, n int) {
	n = calibrate(baseline)
	bestBase, bestSub = math.Inf(1), math.Inf(1)
	for range Rounds {
		bestBase = math.Min(bestBase, timeIt(baseline, n))
		bestSub = math.Min(bestSub, timeIt(subject, n))
	}
	return bestBase, bestSub, n
}

func timeIt(f func(int), n int) float64 {
	t0 := time.Now()
	f(n)
	return float64(time.Since(t0).Nanoseconds())
}

// calibrate finds n such that baseline(n) takes about target.
func calibrate(baseline func(int)) int {
	n := 1
	for {
		d := timeIt(baseline, n)
		if d >= float64(target) || n >= 1<<30 {
			return n
		}
		if d <= 0 {
			n *= 100
			continue
		}
		grow := float64(target) / d * 1.2
		n = int(math.Min(float64(n)*math.Max(grow, 2), float64(n)*100))
	}
}
