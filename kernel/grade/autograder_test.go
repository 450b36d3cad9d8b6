package grade

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// TestRunAutograder builds the Gradescope bundle, unpacks it as Gradescope
// does (/autograder/source), puts a submission in /autograder/submission,
// and runs run_autograder with /autograder relocated: it writes a valid
// results.json with full marks for the reference solution.
func TestRunAutograder(t *testing.T) {
	testenv.Integration(t)
	testenv.Kernel(t)
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "autograder.zip")
	if err := WriteAutograder(zipPath, AutograderOptions{Source: sample, Root: testenv.Root(t)}); err != nil {
		t.Fatal(err)
	}
	ag := filepath.Join(dir, "autograder")
	unzip(t, zipPath, filepath.Join(ag, "source"))
	for _, f := range []string{"setup.sh", "run_autograder", "counter.ipynb", "fearless/go.mod", "fearless/helpers/check/sign.go", "fearless/kernel/cmd/fearless/main.go"} {
		if _, err := os.Stat(filepath.Join(ag, "source", f)); err != nil {
			t.Errorf("bundle: %v", err)
		}
	}
	for _, sh := range []string{"setup.sh", "run_autograder"} {
		if out, err := exec.Command("bash", "-n", filepath.Join(ag, "source", sh)).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", sh, err, out)
		}
	}
	// Gradescope's layout: the submission's files, results to fill.
	if err := os.MkdirAll(filepath.Join(ag, "submission"), 0o755); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(sample)
	if err := os.WriteFile(filepath.Join(ag, "submission", "my-work.ipynb"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "fearless")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/fearless").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command("bash", filepath.Join(ag, "source", "run_autograder"))
	cmd.Env = append(os.Environ(), append(testenv.Offline, "FEARLESS_AUTOGRADER_ROOT="+ag, "FEARLESS_BIN="+bin,
		"JUPYTER_DATA_DIR="+testenv.DataDir(t))...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run_autograder: %v\n%s", err, out)
	}
	checkResultsJSON(t, filepath.Join(ag, "results", "results.json"), 9)
	if _, err := os.Stat(filepath.Join(ag, "results", "feedback", "feedback.html")); err != nil {
		t.Error(err)
	}
	if t.Failed() {
		t.Logf("run_autograder:\n%s", out)
	}
}

func unzip(t *testing.T, zipPath, dest string) {
	t.Helper()
	raw, err := os.ReadFile(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		p := filepath.Join(dest, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(p, dest) {
			t.Fatalf("zip entry outside: %s", f.Name)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		if err := os.WriteFile(p, data, f.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
}
