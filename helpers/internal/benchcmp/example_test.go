package benchcmp_test

import (
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
)

// A benchmark that compares a helper with the primitive it wraps reports
// x-baseline, the ratio, in the same run. Here both sides are sync.Mutex.
func ExampleCompare() {
	lockUnlock := func(n int) {
		var mu sync.Mutex
		for range n {
			mu.Lock()
			mu.Unlock()
		}
	}
	res := testing.Benchmark(func(b *testing.B) {
		benchcmp.Compare(b, lockUnlock, lockUnlock)
	})
	// The ratio is close to 1 here; it varies from run to run, so this
	// example has no fixed output.
	_ = res.Extra["x-baseline"]
}
