package grade

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// A cached grade is trusted only when the grader wrote it: grade.json
// carries a seal, an HMAC over the grade and the digests of the feedback
// files beside it, made with a key that only the grader's user can read
// (SealKeyFile). A grade.json or a feedback file written by anyone else
// (a submission that found the output folder, a hand edit) does not match
// its seal, and the submission is graded again.

// SealKeyEnv names a file to keep the seal key in, in place of
// SealKeyFile's default (tests; a grader without a home).
const SealKeyEnv = "FEARLESS_GRADE_SEAL_KEY"

// sealedFiles are the feedback files whose digests the seal covers.
var sealedFiles = []string{"results.json", "feedback.ipynb", "feedback.html"}

// SealKeyFile is where the seal key is kept: $FEARLESS_GRADE_SEAL_KEY, else
// grade-seal.key in the user's configuration folder (fearless/, mode 0700;
// the key file 0600), created on first use.
func SealKeyFile() (string, error) {
	if p := os.Getenv(SealKeyEnv); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "fearless", "grade-seal.key"), nil
}

var (
	sealOnce sync.Once
	sealKey  []byte
	sealErr  error
)

// loadSealKey reads the seal key, making one the first time.
func loadSealKey() ([]byte, error) {
	sealOnce.Do(func() {
		path, err := SealKeyFile()
		if err != nil {
			sealErr = fmt.Errorf("no place for the cache's seal key: %w", err)
			return
		}
		if data, err := os.ReadFile(path); err == nil && len(data) >= 32 {
			sealKey = data
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			sealErr = fmt.Errorf("the cache's seal key: %w", err)
			return
		}
		key := []byte(newKey())
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) { // another grader made it meanwhile
			if data, err := os.ReadFile(path); err == nil && len(data) >= 32 {
				sealKey = data
				return
			}
		}
		if err != nil {
			sealErr = fmt.Errorf("the cache's seal key: %w", err)
			return
		}
		_, err = f.Write(key)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			sealErr = fmt.Errorf("the cache's seal key: %w", err)
			return
		}
		sealKey = key
	})
	return sealKey, sealErr
}

// seal computes s's seal from its grade and the feedback files in dir; ""
// when there is no key (then nothing is trusted from the cache).
func seal(s *Submission, dir string) string {
	key, err := loadSealKey()
	if err != nil {
		return ""
	}
	c := *s
	c.Seal = ""
	grade, err := json.Marshal(&c)
	if err != nil {
		return ""
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "grade %d:", len(grade))
	mac.Write(grade)
	for _, name := range sealedFiles {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return ""
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(mac, "\n%s %x", name, sum)
	}
	return hex.EncodeToString(mac.Sum(nil))
}

// sealed reports whether s, read back from dir, carries the seal the grader
// would have given it.
func sealed(s *Submission, dir string) bool {
	want := seal(s, dir)
	return want != "" && hmac.Equal([]byte(want), []byte(s.Seal))
}
