// Package testenv gives the kernel packages' tests what they need from the
// machine: the module root, the Python virtual environment with Jupyter's
// tools, and the fearless kernel built and installed into a temporary
// Jupyter data directory (once per test binary).
//
// A missing prerequisite skips the test with a message saying what to
// install, or fails it when FEARLESS_REQUIRE_ALL=1 (as CI sets). Integration
// tests call Integration first, so go test -short skips them.
package testenv

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/install"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

// RequireAll reports whether missing prerequisites must fail tests.
func RequireAll() bool { return os.Getenv("FEARLESS_REQUIRE_ALL") == "1" }

// Require fails (FEARLESS_REQUIRE_ALL=1) or skips the test when ok is false,
// saying what is missing and how to get it.
func Require(t testing.TB, ok bool, missing, how string) {
	t.Helper()
	if ok {
		return
	}
	if RequireAll() {
		t.Fatalf("%s (FEARLESS_REQUIRE_ALL=1): %s", missing, how)
	}
	t.Skipf("%s: %s (set FEARLESS_REQUIRE_ALL=1 to make this a failure)", missing, how)
}

// Integration skips the test under go test -short: it starts real kernels.
func Integration(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test (real kernels); skipped with -short")
	}
}

// Root returns the module root.
func Root(t testing.TB) string {
	t.Helper()
	root, err := install.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// Python returns the virtual environment's python: $FEARLESS_VENV/bin/python
// or <module root>/.venv/bin/python.
func Python(t testing.TB) string {
	t.Helper()
	venv := os.Getenv("FEARLESS_VENV")
	if venv == "" {
		venv = filepath.Join(Root(t), ".venv")
	}
	py := filepath.Join(venv, "bin", "python")
	_, err := os.Stat(py)
	Require(t, err == nil, "no Python virtual environment at "+venv,
		"create it with `python3 -m venv .venv && .venv/bin/pip install -r requirements.txt`, or point FEARLESS_VENV at one")
	return py
}

// PythonModule checks that the venv's python can import module.
func PythonModule(t testing.TB, py, module string) {
	t.Helper()
	err := exec.Command(py, "-c", "import "+module).Run()
	Require(t, err == nil, "python module "+module+" is not installed in "+filepath.Dir(filepath.Dir(py)),
		"run `.venv/bin/pip install -r requirements.txt`")
}

// Offline is the environment that proves a kernel works without network:
// the module proxy off, and GOFLAGS as a user might have it globally.
var Offline = []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}

var (
	installOnce sync.Once
	installed   *kernelspec.Spec
	installErr  error
	dataDir     string
)

// Kernel builds the tools and installs the fearless kernelspec into a
// temporary Jupyter data directory, once per test binary, and returns the
// spec. Use DataDir for JUPYTER_DATA_DIR when a Jupyter tool must find it.
func Kernel(t testing.TB) *kernelspec.Spec {
	t.Helper()
	Integration(t)
	root := Root(t)
	_, err := exec.LookPath("go")
	Require(t, err == nil, "no go command on PATH", "install Go 1.26")
	installOnce.Do(func() {
		dataDir, installErr = os.MkdirTemp("", "fearless-jupyter-")
		if installErr != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		var res *install.Result
		res, installErr = install.Install(ctx, install.Options{Root: root, KernelsDir: filepath.Join(dataDir, "kernels")})
		if installErr == nil {
			installed = res.Spec
		}
	})
	if installErr != nil {
		t.Fatalf("installing the fearless kernel: %v", installErr)
	}
	return installed
}

// DataDir returns the temporary Jupyter data directory Kernel installed into.
func DataDir(t testing.TB) string {
	Kernel(t)
	return dataDir
}

// Cleanup removes what Kernel installed. Main calls it.
func Cleanup() {
	if dataDir != "" {
		_ = os.RemoveAll(dataDir)
	}
}

// M wraps a testing.M so that the kernel installed by the tests is removed
// after they run: goleak.VerifyTestMain(testenv.M(m)).
func M(m *testing.M) interface{ Run() int } { return cleanupM{m} }

type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	code := c.m.Run()
	Cleanup()
	return code
}
