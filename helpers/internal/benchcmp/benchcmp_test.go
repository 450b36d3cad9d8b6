package benchcmp

import (
	"testing"
	"time"
)

func spin(d time.Duration) {
	for t0 := time.Now(); time.Since(t0) < d; {
	}
}

func TestMeasureFindsRatio(t *testing.T) {
	target = 2 * time.Millisecond
	base, sub, n := measure(
		func(n int) { spin(time.Duration(n) * time.Microsecond) },
		func(n int) { spin(time.Duration(3*n) * time.Microsecond) })
	if d := time.Duration(n) * time.Microsecond; d < target/2 || d > 100*target {
		t.Fatalf("calibrated n=%d gives %v, want about %v", n, d, target)
	}
	if r := sub / base; r < 2.5 || r > 3.5 {
		t.Fatalf("ratio of a 3x slower subject = %.2f", r)
	}
}
