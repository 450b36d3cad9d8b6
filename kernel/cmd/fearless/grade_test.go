package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGradeCommand needs no kernel run: flags, a malformed source, and the
// Gradescope bundle.
func TestGradeCommand(t *testing.T) {
	if code, _, stderr := fearless(t, "grade", "--submissions", "x", "--out", "y"); code != 2 || !strings.Contains(stderr, "--source is required") {
		t.Fatalf("no --source: %d %s", code, stderr)
	}
	if code, _, stderr := fearless(t, "grade", "--source", "../../testdata/exercise/counter.ipynb"); code != 2 || !strings.Contains(stderr, "--submissions and --out are required") {
		t.Fatalf("no --submissions: %d %s", code, stderr)
	}
	dir := t.TempDir()
	src, _ := os.ReadFile("../../testdata/exercise/counter.ipynb")
	bad := strings.Replace(string(src), `"grade_id": "count-check"`, `"grade_id": "count"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "bad.ipynb"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := fearless(t, "grade", "--source", filepath.Join(dir, "bad.ipynb"), "--submissions", dir, "--out", t.TempDir()); code != 2 || !strings.Contains(stderr, `duplicate grade_id "count"`) {
		t.Fatalf("malformed source: %d %s", code, stderr)
	}
	if code, out, _ := fearless(t, "help", "grade"); code != 0 || !strings.Contains(out, "-gradescope-autograder") || !strings.Contains(out, "-jobs") || !strings.Contains(out, "-allow-races") {
		t.Fatalf("help grade (%d):\n%s", code, out)
	}
	bundle := filepath.Join(dir, "autograder.zip")
	if code, out, stderr := fearless(t, "grade", "--source", "../../testdata/exercise/counter.ipynb", "--gradescope-autograder", bundle); code != 0 {
		if !strings.Contains(stderr, "not installed") || os.Getenv("FEARLESS_REQUIRE_ALL") == "1" {
			t.Fatalf("bundle: %d %s%s", code, out, stderr)
		}
		t.Log("no kernel installed: the bundle needs its module checkout") // checked by kernel/grade's TestRunAutograder
		return
	}
	z, err := zip.OpenReader(bundle)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	for _, want := range []string{"setup.sh", "run_autograder", "counter.ipynb", "fearless/go.mod"} {
		if !names[want] {
			t.Errorf("bundle lacks %s", want)
		}
	}
}
