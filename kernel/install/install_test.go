package install_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/install"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

func TestFindRoot(t *testing.T) {
	root, err := install.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if !install.IsRoot(root) || !strings.HasSuffix(filepath.Join(root, "kernel", "install"), filepath.Join("kernel", "install")) {
		t.Fatalf("install.FindRoot = %s", root)
	}
	if _, err := install.FindRoot(t.TempDir()); err == nil || !strings.Contains(err.Error(), "--root") {
		t.Fatalf("outside a checkout: %v", err)
	}
}

func TestCheckBeforeInstallSaysWhatToRun(t *testing.T) {
	r := install.Check(context.Background(), install.Options{KernelsDir: t.TempDir()})
	if r.OK() {
		t.Fatal("Check of an empty kernels dir is OK")
	}
	var b bytes.Buffer
	r.WriteTo(&b)
	if !strings.Contains(b.String(), "MISSING kernelspec fearless") || !strings.Contains(b.String(), "fix: run `fearless install") {
		t.Fatalf("report:\n%s", b.String())
	}
}

func TestInstallIsIdempotentAndChecked(t *testing.T) {
	testenv.Integration(t)
	root := testenv.Root(t)
	kernels := filepath.Join(t.TempDir(), "kernels")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	opts := install.Options{Root: root, KernelsDir: kernels}

	first, err := install.Install(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	spec1, _ := os.ReadFile(filepath.Join(kernels, install.KernelName, kernelspec.FileName))
	second, err := install.Install(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	spec2, _ := os.ReadFile(filepath.Join(kernels, install.KernelName, kernelspec.FileName))
	if !bytes.Equal(spec1, spec2) || first.Spec.Dir != second.Spec.Dir {
		t.Fatalf("a second install changed the kernelspec:\n%s\n---\n%s", spec1, spec2)
	}
	s := second.Spec
	if s.DisplayName != "Go (Fearless)" || s.Language != "go" || s.InterruptMode != "message" {
		t.Fatalf("kernelspec %+v", s)
	}
	if s.Argv[0] != filepath.Join(kernels, install.KernelName, "bin", "fearless") || s.Argv[len(s.Argv)-1] != "{connection_file}" {
		t.Fatalf("argv %q: the launcher must live inside the kernelspec", s.Argv)
	}
	entries, _ := os.ReadDir(filepath.Join(kernels, install.KernelName, "bin"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "fearless goimports gonb gopls shim" {
		t.Fatalf("bin holds %q", names)
	}
	for _, shim := range []string{"gopls", "goimports", "go"} {
		if target, err := os.Readlink(filepath.Join(kernels, install.KernelName, "bin", "shim", shim)); err != nil || target != filepath.Join("..", "fearless") {
			t.Fatalf("%s shim: %q %v", shim, target, err)
		}
	}
	// The logos JupyterLab and Notebook look for.
	for _, logo := range []string{"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"} {
		if st, err := os.Stat(filepath.Join(kernels, install.KernelName, logo)); err != nil || st.Size() == 0 {
			t.Fatalf("%s: %v", logo, err)
		}
	}

	report := install.Check(ctx, opts)
	var b bytes.Buffer
	report.WriteTo(&b)
	if !report.OK() {
		t.Fatalf("Check after install:\n%s", b.String())
	}

	// A tool at the wrong version is caught, with the fix.
	gonb := filepath.Join(kernels, install.KernelName, "bin", "gonb")
	wrong, err := os.ReadFile(filepath.Join(kernels, install.KernelName, "bin", "goimports"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(gonb); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gonb, wrong, 0o755); err != nil {
		t.Fatal(err)
	}
	report = install.Check(ctx, opts)
	b.Reset()
	report.WriteTo(&b)
	if report.OK() || !strings.Contains(b.String(), "MISSING gonb v0.11.5") || !strings.Contains(b.String(), "to rebuild it") {
		t.Fatalf("Check with a wrong gonb:\n%s", b.String())
	}
	if _, err := install.Install(ctx, opts); err != nil {
		t.Fatal(err)
	}
	if !install.Check(ctx, opts).OK() {
		t.Fatal("re-running install did not repair the kernel")
	}
}

// The gopls shim starts the real gopls with an idle timeout, so a gopls
// whose gonb was killed goes away by itself.
func TestGoplsShimStopsIdleGopls(t *testing.T) {
	spec := testenv.Kernel(t)
	shim := filepath.Join(spec.Dir, "bin", "shim", "gopls")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, shim, "-listen", "unix;"+filepath.Join(t.TempDir(), "gopls.sock"))
	cmd.Env = append(os.Environ(), "FEARLESS_GOPLS_IDLE_TIMEOUT=1s")
	start := time.Now()
	out, _ := cmd.CombinedOutput() // gopls exits with status 2 when idle
	if ctx.Err() != nil || !strings.Contains(string(out), "timed out waiting for new connections") {
		t.Fatalf("gopls through the shim did not stop when idle (%v):\n%s", ctx.Err(), out)
	}
	if time.Since(start) < time.Second {
		t.Fatalf("gopls exited after %s, before its idle timeout: %s", time.Since(start), out)
	}
}

// Jupyter itself lists the kernel installed into JUPYTER_DATA_DIR.
func TestJupyterSeesTheKernel(t *testing.T) {
	testenv.Integration(t)
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "jupyter_client")
	dataDir := testenv.DataDir(t)
	cmd := exec.Command(py, "-m", "jupyter_client.kernelspecapp", "list", "--json")
	cmd.Env = append(os.Environ(), "JUPYTER_DATA_DIR="+dataDir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jupyter kernelspec list: %v", err)
	}
	var list struct {
		Kernelspecs map[string]struct {
			ResourceDir string          `json:"resource_dir"`
			Spec        kernelspec.Spec `json:"spec"`
		} `json:"kernelspecs"`
	}
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	k, ok := list.Kernelspecs[install.KernelName]
	if !ok || k.Spec.DisplayName != install.DisplayName || k.ResourceDir != filepath.Join(dataDir, "kernels", install.KernelName) {
		t.Fatalf("jupyter lists %s", out)
	}
}
