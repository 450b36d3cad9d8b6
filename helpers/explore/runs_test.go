package explore_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/explore"
)

func TestRunsCountsOutcomes(t *testing.T) {
	i := 0
	out := explore.Runs(10, func() string {
		i++
		return []string{"b", "a", "b"}[i%3]
	})
	if out.Runs != 10 || out.Counts["a"] != 4 || out.Counts["b"] != 6 {
		t.Fatalf("%v", out)
	}
	if got := out.String(); got != "10 runs: a ×4, b ×6" {
		t.Errorf("String: %q", got)
	}
	c := out.Chart()
	if c == nil || len(c.SVG) == 0 || !strings.Contains(c.Text, "a") {
		t.Errorf("chart: %+v", c)
	}
}
