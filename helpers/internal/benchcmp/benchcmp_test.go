package benchcmp

import (
	"github.com/fearless-go/fearless/helpers/trace"
	"testing"
	"time"
)

func spin(d time.Duration) {
	for t0 := time.Now(); time.Since(t0) < d; {
	}
}

func TestMeasureFindsRatio(t *testing.T) {
	base, sub := measure(
		func(n int) { spin(time.Duration(n) * time.Microsecond) },
		func(n int) { spin(time.Duration(3*n) * time.Microsecond) },
		10_000) // rounds of 10 and 30 ms: a preemption (a few ms on a busy machine) cannot skew them much
	if base < float64(10*time.Millisecond) {
		t.Fatalf("baseline round took %v, want at least 10ms", time.Duration(base))
	}
	if r := sub / base; r < 2.5 || r > 3.5 {
		t.Fatalf("ratio of a 3x slower subject = %.2f", r)
	}
}

func TestCompareReportsMetrics(t *testing.T) {
	res := testing.Benchmark(func(b *testing.B) {
		Compare(b, func(n int) {}, func(n int) {})
	})
	for _, m := range []string{"x-baseline", "baseline-ns/op"} {
		if _, ok := res.Extra[m]; !ok {
			t.Errorf("metric %q not reported: %v", m, res.Extra)
		}
	}
}

func TestRecordedStoresEveryEvent(t *testing.T) {
	var b testing.B
	calls := 0
	Recorded(&b, 3, func(n int) {
		calls++
		for range 3 * n {
			trace.Mark("op")
		}
	})(40_000)
	if b.Failed() || calls != 3 {
		t.Fatalf("failed=%v after %d windows, want 3 windows of at most %d ops", b.Failed(), calls, windowEvents/3)
	}
	if trace.Enabled() {
		t.Fatal("recording left on")
	}
}
