package claim_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/fearless-go/fearless/helpers/claim"
)

// BenchmarkThat compares a passing claim with what a cell would write
// without it: an if and a fmt.Println of the same line.
func BenchmarkThat(b *testing.B) {
	old := claim.SetOutput(io.Discard)
	defer claim.SetOutput(old)
	n := 1000
	b.Run("baseline=if+Fprintln", func(b *testing.B) {
		for b.Loop() {
			if n == 1000 {
				fmt.Fprintln(io.Discard, "✓ the count is exact")
			} else {
				fmt.Fprintln(io.Discard, "✗ the count is exact — got", n)
			}
		}
	})
	b.Run("claim.That", func(b *testing.B) {
		for b.Loop() {
			claim.That("the count is exact", n == 1000, "got %d", n)
		}
	})
	b.Run("claim.Equal", func(b *testing.B) {
		for b.Loop() {
			claim.Equal("the count is exact", n, 1000)
		}
	})
}
