package benchcmp

import (
	"github.com/fearless-go/fearless/helpers/trace"
	"testing"
	"time"
)

// fakeClock stands in for time.Now: each side's function advances it by
// what it "costs", so the test does not depend on how busy the machine is.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func (c *fakeClock) spend(d time.Duration) { c.t = c.t.Add(d) }

func TestMeasureFindsRatio(t *testing.T) {
	c := &fakeClock{t: time.Unix(0, 0)}
	now = c.now
	defer func() { now = time.Now }()
	round := 0
	base, sub := measure(
		func(n int) {
			round++
			// A busy machine slows some rounds: only the fastest counts.
			c.spend(time.Duration(n)*time.Microsecond + time.Duration(round%3)*time.Millisecond)
		},
		func(n int) { c.spend(time.Duration(3*n) * time.Microsecond) },
		2000)
	if base != float64(2*time.Millisecond) || sub != float64(6*time.Millisecond) {
		t.Fatalf("fastest rounds: baseline %v, subject %v; want 2ms and 6ms", time.Duration(base), time.Duration(sub))
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
