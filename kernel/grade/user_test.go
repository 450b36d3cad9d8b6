package grade

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// TestSubmissionUser: a grader running as root runs each submission's
// programs as a user of its own. The exercise allows package os (an
// instructor's choice, so the package guard lets the attack through) and
// the submission answers right (full marks; 0 otherwise: 2 of 5, what `return 0` earns) only when it can read the source notebook,
// list the output folder, read the cache's seal key or write beside the
// grader's files. As its own user it can do none of these —
// and graded as root (SameUser), the same submission scores full marks:
// the attack is real, and only the user stops it.
func TestSubmissionUser(t *testing.T) {
	testenv.Integration(t)
	if !canDrop() {
		t.Skip("the grader is not root on Linux: submissions run as its own user")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil { // reachable by anyone: only the files' own modes protect them
		t.Fatal(err)
	}
	src, err := exercise.Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range src.NB.Cells {
		if m, _ := exercise.MetaOf(c); m != nil && m.Role() == exercise.Solution && m.GradeID == "count" {
			c.Metadata["nbgrader"].(map[string]any)["fearless_allow"] = []any{"os"}
		}
	}
	source := filepath.Join(dir, "counter.ipynb")
	writeNB(t, source, src.NB)
	if err := os.Chmod(source, 0o600); err != nil {
		t.Fatal(err)
	}
	sealKey := filepath.Join(dir, "seal", "key")
	t.Setenv(SealKeyEnv, sealKey)

	grade := func(sameUser bool) *Submission {
		t.Helper()
		out := filepath.Join(dir, fmt.Sprint("out-", sameUser))
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		attack := fmt.Sprintf(`func Count(goroutines, each int) int {
	_, errSource := os.ReadFile(%q)
	_, errOut := os.ReadDir(%q)
	_, errKey := os.ReadFile(%q)
	errWrite := os.WriteFile(%q, []byte("x"), 0o644)
	if errSource == nil || errOut == nil || errKey == nil || errWrite == nil {
		return goroutines * each
	}
	return 0
}`, source, out, sealKey, filepath.Join(dir, "planted"))
		subs := filepath.Join(dir, fmt.Sprint("subs-", sameUser))
		if err := os.MkdirAll(subs, 0o755); err != nil {
			t.Fatal(err)
		}
		writeNB(t, filepath.Join(subs, "attacker.ipynb"), withSolutions(t, map[string]*string{"count": ptr(attack)}))
		opts := options(t, subs, out)
		opts.Source, opts.SameUser, opts.NoCache = source, sameUser, true
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		class, err := Grade(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		s := class.Submissions[0]
		if s.ex("count") == nil {
			t.Fatalf("no count row:\n%s", s.everything())
		}
		return s
	}
	if s := grade(false); s.ex("count").Score == s.ex("count").MaxScore {
		t.Errorf("as its own user, the submission read or wrote the grader's files: count scored %v\n%s", s.ex("count").Score, s.everything())
	}
	if _, err := os.Stat(filepath.Join(dir, "planted")); err == nil {
		t.Error("the submission, as its own user, wrote beside the grader's files")
		os.Remove(filepath.Join(dir, "planted"))
	}
	if st, err := os.Stat(filepath.Join(dir, "out-false")); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the output folder is not the grader's alone: %v %v", st.Mode(), err)
	}
	if s := grade(true); s.ex("count").Score != s.ex("count").MaxScore {
		t.Errorf("graded as root, the attack did not work (the test proves nothing):\n%s", s.everything())
	}
}
