package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

func fearless(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = dispatch(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// isolate makes the test see no installed kernels but its own.
func isolate(t *testing.T, dataDir string) {
	t.Setenv("JUPYTER_DATA_DIR", dataDir)
	t.Setenv("JUPYTER_PATH", "")
	t.Setenv("VIRTUAL_ENV", "")
	t.Setenv("CONDA_PREFIX", "")
}

func TestHelp(t *testing.T) {
	code, out, _ := fearless(t, "help")
	for _, c := range []string{"install", "run", "kernel", "version", "help"} {
		if !strings.Contains(out, "\n  "+c+" ") {
			t.Errorf("help does not list %s:\n%s", c, out)
		}
	}
	if code != 0 {
		t.Fatalf("help exit %d", code)
	}
	if code, out, _ = fearless(t, "help", "run"); code != 0 || !strings.Contains(out, "--timeout 60s") || !strings.Contains(out, "-output-limit") {
		t.Fatalf("help run (%d):\n%s", code, out)
	}
	if code, _, errs := fearless(t, "frobnicate"); code != 2 || !strings.Contains(errs, `unknown command "frobnicate"`) {
		t.Fatalf("unknown command: %d %s", code, errs)
	}
	if code, _, _ := fearless(t); code != 2 {
		t.Fatalf("no command: exit %d", code)
	}
	if code, _, errs := fearless(t, "kernel"); code != 2 || !strings.Contains(errs, "--connection-file") {
		t.Fatalf("kernel without flags: %d %s", code, errs)
	}
	if code, _, errs := fearless(t, "run"); code != 2 || !strings.Contains(errs, "usage: fearless run") {
		t.Fatalf("run without notebooks: %d %s", code, errs)
	}
}

func TestRunSaysToInstallFirst(t *testing.T) {
	isolate(t, t.TempDir())
	code, _, errs := fearless(t, "run", "--out", t.TempDir(), "../../testdata/pass")
	if code != 2 || !strings.Contains(errs, "run `fearless install`") {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	code, out, _ := fearless(t, "version")
	if code != 0 || !strings.Contains(out, "kernel: not installed") {
		t.Fatalf("version: %d %s", code, out)
	}
	code, out, _ = fearless(t, "install", "--check")
	if code != 1 || !strings.Contains(out, "MISSING kernelspec fearless") {
		t.Fatalf("install --check: %d %s", code, out)
	}
}

func TestRunEndToEnd(t *testing.T) {
	isolate(t, testenv.DataDir(t))
	for _, kv := range testenv.Offline {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	out := t.TempDir()

	code, stdout, stderr := fearless(t, "run", "--json", "--out", out, "../../testdata/pass", "--timeout", "30s")
	var summary struct {
		OK     bool `json:"ok"`
		Totals struct {
			Notebooks, Cells, Passed, Failed int
			Expected                         int `json:"expected_errors"`
		} `json:"totals"`
	}
	if err := json.Unmarshal([]byte(stdout), &summary); err != nil {
		t.Fatalf("--json printed %q: %v", stdout, err)
	}
	if code != 0 || !summary.OK || summary.Totals.Notebooks != 2 || summary.Totals.Cells != 5 || summary.Totals.Expected != 1 {
		t.Fatalf("exit %d, summary %+v, stderr:\n%s", code, summary, stderr)
	}
	if !strings.Contains(stderr, "[2/2] ../../testdata/pass/hello.ipynb") {
		t.Fatalf("progress lines missing from stderr:\n%s", stderr)
	}
	var copies []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, filepath.Join(out, "pass", d.Name())) && strings.HasSuffix(p, ".ipynb") {
			copies = append(copies, p)
		}
		return nil
	})
	if len(copies) != 2 {
		t.Fatalf("executed copies: %v", copies)
	}

	code, stdout, _ = fearless(t, "run", "--out", out, "../../testdata/fail")
	if code != 1 || !strings.Contains(stdout, "fearless run: FAILED") || !strings.Contains(stdout, "malformed.ipynb:5:41: invalid JSON") ||
		!strings.Contains(stdout, "failing.ipynb cell [2]: error: cell [2] line 2: undefined: undefinedFunction") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}

	code, stdout, _ = fearless(t, "install", "--check")
	if code != 0 || !strings.Contains(stdout, "the fearless kernel is ready") {
		t.Fatalf("install --check: %d\n%s", code, stdout)
	}
	code, stdout, _ = fearless(t, "version")
	if code != 0 || !strings.Contains(stdout, `kernel: "Go (Fearless)"`) || !strings.Contains(stdout, "gonb      v0.11.5") {
		t.Fatalf("version: %d\n%s", code, stdout)
	}
}

func TestInstallPrefix(t *testing.T) {
	testenv.Integration(t)
	prefix := t.TempDir()
	isolate(t, t.TempDir())
	code, out, errs := fearless(t, "install", "--prefix", prefix)
	if code != 0 {
		t.Fatalf("install --prefix: %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(prefix, "share", "jupyter", "kernels", "fearless", "kernel.json")); err != nil {
		t.Fatal(err)
	}
	if code, out, _ = fearless(t, "install", "--check", "--prefix", prefix); code != 0 {
		t.Fatalf("install --check --prefix: %d\n%s", code, out)
	}
	if code, _, errs = fearless(t, "install", "--user", "--prefix", prefix); code != 2 || !strings.Contains(errs, "exclude each other") {
		t.Fatalf("--user with --prefix: %d %s", code, errs)
	}
}
