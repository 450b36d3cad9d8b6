package conformance_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/conformance"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
)

// TestJupyterKernelTest runs jupyter_kernel_test against the fearless kernel
// installed into a temporary Jupyter data directory, offline.
func TestJupyterKernelTest(t *testing.T) {
	testenv.Integration(t)
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "jupyter_kernel_test")
	spec := testenv.Kernel(t)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := conformance.Command(ctx, py, testenv.DataDir(t), spec.Name)
	report := filepath.Join(t.TempDir(), "report.json")
	cmd.Env = append(cmd.Env, testenv.Offline...)
	cmd.Env = append(cmd.Env, "FEARLESS_CONFORMANCE_REPORT="+report)
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 30 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jupyter_kernel_test failed (%v); its output, with the kernel's log:\n%s", err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report from the suite (%v); its output:\n%s", err, out)
	}
	var outcomes map[string]string
	if err := json.Unmarshal(data, &outcomes); err != nil {
		t.Fatal(err)
	}
	t.Logf("jupyter_kernel_test outcomes: %s", data)
	// Every attribute we set must have been exercised, not skipped.
	for _, test := range []string{
		"FearlessKernelTests.test_kernel_info", "FearlessKernelTests.test_execute_stdout",
		"FearlessKernelTests.test_execute_stderr", "FearlessKernelTests.test_display_data",
		"FearlessKernelTests.test_completion", "FearlessKernelTests.test_inspect",
		"FearlessKernelTests.test_is_complete", "FearlessKernelTests.test_history",
		"FearlessKernelTests.test_execute_result", "FearlessRawErrorTests.test_error",
	} {
		if outcomes[test] != "ok" {
			t.Errorf("%s: %q, want ok", test, outcomes[test])
		}
	}
}
