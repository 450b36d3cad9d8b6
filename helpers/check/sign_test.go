package check

import (
	"encoding/json"
	"testing"
)

func TestSignNextSignsOneExercise(t *testing.T) {
	SignNext("k1")
	a := Exercise("x")
	b := Exercise("x") // created by someone else after the grader's one: no key
	a.True("holds", func() (bool, string) { return true, "" })
	ra, rb := a.Result(), b.Result()
	sign(ra, a.key)
	sign(rb, b.key)
	if !ra.Verify("k1") {
		t.Fatal("the signed result does not verify")
	}
	if rb.Signature != "" || rb.Verify("k1") {
		t.Fatal("a second Exercise got the key")
	}
	if ra.Verify("k2") {
		t.Fatal("verifies under another key")
	}
	// Through JSON, as the grader reads it.
	raw, _ := json.Marshal(ra)
	back, err := DecodeResult(string(raw))
	if err != nil || !back.Verify("k1") {
		t.Fatalf("decoded result does not verify: %v", err)
	}
	back.Score = 99
	if back.Verify("k1") {
		t.Fatal("an edited result verifies")
	}
}
