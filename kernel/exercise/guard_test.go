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

// TestValidateAllow: fearless_allow must be a list of import paths on a
// solution cell.
func TestValidateAllow(t *testing.T) {
	n, err := Read("../testdata/exercise/counter.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	sol := n.NB.Cells[n.Exercises[0].Solution]
	meta := sol.Metadata["nbgrader"].(map[string]any)
	meta["fearless_allow"] = []any{"os"}
	if probs := Validate(Parse(n.NB, "")); len(probs) > 0 || len(Allowed(sol)) != 1 {
		t.Fatalf("a good list: %v", probs)
	}
	meta["fearless_allow"] = "os"
	if probs := Validate(Parse(n.NB, "")); len(probs) != 1 || !strings.Contains(probs[0].Error(), "want a list of import paths") {
		t.Fatalf("a string: %v", probs)
	}
}
