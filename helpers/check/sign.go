package check

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
)

// KeyEnv is the environment variable through which a grader (fearless
// grade) hands a check program its signing key. The package reads it and
// removes it from the environment in its init, which runs before any code
// of the program's own package (a learner's init or package variables), in
// a program gonb runs for a cell;
// the key is then kept where no exported name, fmt or reflect reaches it,
// and every Result that Exercise's Done sends is signed with it in the same
// call that computes it: an HMAC-SHA256 (Result.Signature) by which the
// grader tells its check cells' results from forged ones. Learners never
// set it. The key never appears in a program's source.
const KeyEnv = "FEARLESS_CHECK_KEY"

// signKey is the key from KeyEnv; nil when none was given.
var signKey []byte

// init takes the key in a cell's program only (gonb's pipe is in its
// environment): a tool that links this package, such as the fearless
// kernel that starts gonb, passes the variable on untouched.
func init() {
	if !inNotebook() {
		return
	}
	if k := os.Getenv(KeyEnv); k != "" {
		signKey = []byte(k)
	}
	_ = os.Unsetenv(KeyEnv)
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
// whether it was produced by Done in a program given the key (KeyEnv),
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
