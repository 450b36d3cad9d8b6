package check

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"
)

// pendingKey is the key SignNext left for the next Exercise.
var (
	pendingMu  sync.Mutex
	pendingKey []byte
)

// SignNext makes the next Checks that Exercise creates sign its Result with
// an HMAC-SHA256 under key (Result.Signature), so that a grader can tell the
// result its own check cell produced from one forged by the code under test.
// The key is taken by exactly one Exercise call and forgotten here; the
// grader (fearless grade) puts the call, with a fresh key per run, right
// before the check cell's check.Exercise line. Learners never call it.
func SignNext(key string) {
	pendingMu.Lock()
	defer pendingMu.Unlock()
	pendingKey = []byte(key)
}

// takeKey hands the pending key to one Exercise.
func takeKey() []byte {
	pendingMu.Lock()
	defer pendingMu.Unlock()
	k := pendingKey
	pendingKey = nil
	return k
}

// sign sets r.Signature when the checks were given a key.
func sign(r *Result, key []byte) {
	if len(key) > 0 {
		r.Signature = signature(r, key)
	}
}

// signature is the HMAC of the result's JSON encoding without its signature.
func signature(r *Result, key []byte) string {
	c := *r
	c.Signature = ""
	raw, _ := json.Marshal(&c)
	m := hmac.New(sha256.New, key)
	m.Write(raw)
	return hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether the result carries a valid signature under key:
// whether it was produced by the Checks that a SignNext(key) call preceded,
// unchanged since.
func (r *Result) Verify(key string) bool {
	if r.Signature == "" || key == "" {
		return false
	}
	want, err := hex.DecodeString(r.Signature)
	if err != nil {
		return false
	}
	got, _ := hex.DecodeString(signature(r, []byte(key)))
	return hmac.Equal(want, got)
}
