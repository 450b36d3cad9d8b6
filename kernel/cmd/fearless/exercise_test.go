package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAssignCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "student")
	code, stdout, stderr := fearless(t, "assign", "../../testdata/exercise", out)
	if code != 0 || !strings.Contains(stdout, "1 student notebook(s) written") {
		t.Fatalf("assign: exit %d\n%s%s", code, stdout, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "counter.ipynb"))
	if err != nil || !strings.Contains(string(b), `panic(\"not implemented\") // TODO: your code here`) || strings.Contains(string(b), "HIDDEN TESTS") {
		t.Fatalf("student notebook: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "testdata")); !os.IsNotExist(err) {
		t.Fatal("assign copied testdata (the wrong answers)")
	}
	if code, _, stderr := fearless(t, "assign", "../../testdata/exercise"); code != 2 || !strings.Contains(stderr, "usage: fearless assign SRC OUT") {
		t.Fatalf("assign with one argument: %d %s", code, stderr)
	}
	if code, out, _ := fearless(t, "help"); code != 0 || !strings.Contains(out, "\n  assign ") || !strings.Contains(out, "\n  prove ") {
		t.Fatalf("help lists neither assign nor prove:\n%s", out)
	}
	if code, out, _ := fearless(t, "help", "prove"); code != 0 || !strings.Contains(out, "-jobs") || !strings.Contains(out, "testdata/wrong/<notebook>/<grade_id>/*.go") {
		t.Fatalf("help prove (%d):\n%s", code, out)
	}
}

// TestProveReportsMalformedExercises needs no kernel: a notebook whose
// exercise is malformed is reported, with its cell, before anything runs.
func TestProveReportsMalformedExercises(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../testdata/exercise/counter.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), `"grade_id": "count-check"`, `"grade_id": "count"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "bad.ipynb"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := fearless(t, "prove", dir)
	if code != 1 || !strings.Contains(stdout, `bad.ipynb: cell 7 (grade_id count): duplicate grade_id "count"`) || !strings.Contains(stdout, "fearless prove: FAILED") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	if code, _, stderr := fearless(t, "prove", t.TempDir()); code != 2 || !strings.Contains(stderr, "no notebooks") {
		t.Fatalf("an empty directory: %d %s", code, stderr)
	}
}
