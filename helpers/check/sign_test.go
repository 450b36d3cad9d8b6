package check

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/janpfeifer/gonb/gonbui/protocol"
)

func TestSignWithKey(t *testing.T) {
	old := signKey
	t.Cleanup(func() { signKey = old })
	signKey = []byte("k1")
	a := Exercise("x")
	a.True("holds", func() (bool, string) { return true, "" })
	ra := a.Result()
	sign(ra, signKey)
	if !ra.Verify("k1") {
		t.Fatal("the signed result does not verify")
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
	rb := Exercise("x").Result()
	if rb.Signature != "" {
		t.Fatal("Result signs: only Done may")
	}
}

// TestKeyLeavesTheEnvironment runs this test binary again with a key in
// its environment: by the time any test (any code of a main package) runs,
// the variable is gone and the key is kept.
func TestKeyLeavesTheEnvironment(t *testing.T) {
	if os.Getenv("CHECK_KEY_CHILD") == "1" {
		if v, ok := os.LookupEnv(KeyEnv); ok || string(signKey) != "secret" {
			t.Fatalf("%s=%q still set (%v), key %q", KeyEnv, v, ok, signKey)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestKeyLeavesTheEnvironment$")
	cmd.Env = append(os.Environ(), KeyEnv+"=secret", "CHECK_KEY_CHILD=1", protocol.GONB_PIPE_ENV+"=/nonexistent")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PASS") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// TestKeyOutsideCells: a program that is not a cell's (the fearless
// kernel, which starts gonb) leaves the variable for its children.
func TestKeyOutsideCells(t *testing.T) {
	if os.Getenv("CHECK_KEY_CHILD") == "2" {
		if os.Getenv(KeyEnv) != "secret" || signKey != nil {
			t.Fatalf("the key was taken outside a cell")
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestKeyOutsideCells$")
	cmd.Env = append(os.Environ(), KeyEnv+"=secret", "CHECK_KEY_CHILD=2")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PASS") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
