package exercise

import (
	"strings"
	"testing"
)

// TestPlanRefused: a variant the grader would refuse (package guard) is
// marked so before anything runs; the sample's own variants are not.
func TestPlanRefused(t *testing.T) {
	n, err := Read("../testdata/exercise/counter.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	plans, err := planVariants(n)
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range plans {
		if pl.refused != "" {
			t.Errorf("%s: %s", pl.variant.Variant, pl.refused)
		}
	}
	ex := n.Exercises[0]
	n.NB.Cells[ex.Solution].Source += "\n\nfunc sneak() { os.Exit(0) }"
	plans, err = planVariants(n)
	if err != nil {
		t.Fatal(err)
	}
	if got := plans[0].refused; !strings.Contains(got, "fearless grade would refuse it: line") || !strings.Contains(got, "package os,") {
		t.Errorf("refused %q", got)
	}
}
