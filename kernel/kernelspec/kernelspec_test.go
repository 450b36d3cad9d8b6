package kernelspec

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func writeSpec(t *testing.T, kernelsDir, name, display string) {
	t.Helper()
	s := &Spec{Argv: []string{"/bin/" + name, "{connection_file}"}, DisplayName: display, Language: "go"}
	if err := s.Write(filepath.Join(kernelsDir, name)); err != nil {
		t.Fatal(err)
	}
}

func TestWriteLoadRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fearless")
	want := &Spec{
		Argv: []string{"/x/fearless", "kernel", "--connection-file", "{connection_file}"}, DisplayName: "Go (Fearless)",
		Language: "go", InterruptMode: "message", Env: map[string]string{"A": "b"},
		Metadata: map[string]any{"fearless": map[string]any{"root": "/r"}},
	}
	if err := want.Write(dir); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want.Name, want.Dir = "fearless", dir
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Load = %+v, want %+v", got, want)
	}
	if !got.InterruptsByMessage() {
		t.Fatal("interrupt_mode message not recognised")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("Write left temporary files: %v", entries)
	}
}

func TestLoadRejectsBrokenSpecs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte(`{"argv": [], "display_name": "x"}`), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "argv is empty") {
		t.Fatalf("empty argv: %v", err)
	}
	os.WriteFile(filepath.Join(dir, FileName), []byte(`{"argv": ["x"],`), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), FileName) {
		t.Fatalf("bad JSON: %v", err)
	}
}

func TestSearchOrderFollowsJupyter(t *testing.T) {
	base := t.TempDir()
	jpath, data, venv := filepath.Join(base, "jpath"), filepath.Join(base, "data"), filepath.Join(base, "venv")
	t.Setenv("JUPYTER_PATH", jpath)
	t.Setenv("JUPYTER_DATA_DIR", data)
	t.Setenv("VIRTUAL_ENV", venv)
	t.Setenv("CONDA_PREFIX", "")
	dirs := SearchPath()
	want := []string{jpath, data, filepath.Join(venv, "share", "jupyter")}
	if !reflect.DeepEqual(dirs[:3], want) {
		t.Fatalf("SearchPath = %q, want it to start with %q", dirs, want)
	}

	// The same name in two places: the earlier directory wins.
	writeSpec(t, filepath.Join(data, "kernels"), "fearless", "from data dir")
	writeSpec(t, filepath.Join(venv, "share", "jupyter", "kernels"), "fearless", "from venv")
	writeSpec(t, filepath.Join(venv, "share", "jupyter", "kernels"), "other", "other")
	s, err := Find("fearless")
	if err != nil || s.DisplayName != "from data dir" {
		t.Fatalf("Find = %+v, %v", s, err)
	}
	all := List()
	if len(all) < 2 || all["fearless"].DisplayName != "from data dir" || all["other"] == nil {
		t.Fatalf("List = %v", all)
	}
	names := Names()
	if !slices.IsSorted(names) || !slices.Contains(names, "fearless") || !slices.Contains(names, "other") {
		t.Fatalf("Names = %v", names)
	}
}

func TestNotFoundSaysWhereItLooked(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	_, err := FindIn([]string{a, b}, "fearless")
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Name != "fearless" || !strings.Contains(err.Error(), a) || !strings.Contains(err.Error(), b) {
		t.Fatalf("FindIn on empty dirs: %v", err)
	}
}

func TestUserAndPrefixDirs(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "/data")
	if got := UserKernelsDir(); got != "/data/kernels" {
		t.Fatalf("UserKernelsDir = %s", got)
	}
	if got := PrefixKernelsDir("/venv"); got != "/venv/share/jupyter/kernels" {
		t.Fatalf("PrefixKernelsDir = %s", got)
	}
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if got := DataDir(); got != "/xdg/jupyter" && got != filepath.Join(os.Getenv("HOME"), "Library", "Jupyter") {
		t.Fatalf("DataDir with XDG_DATA_HOME = %s", got)
	}
}

func TestEnvironSubstitutesLikeJupyter(t *testing.T) {
	s := &Spec{Env: map[string]string{
		"PATH":     "/k/bin:${PATH}",
		"GREET":    "$USER says $$5 to $NOBODY_SET and ${ALSO_UNSET}",
		"PLAIN":    "x",
		"OVERRIDE": "new",
	}}
	env := s.Environ([]string{"PATH=/usr/bin", "USER=ada", "OVERRIDE=old"})
	got := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		got[k] = v
	}
	want := map[string]string{
		"PATH": "/k/bin:/usr/bin", "USER": "ada", "OVERRIDE": "new", "PLAIN": "x",
		"GREET": "ada says $5 to $NOBODY_SET and ${ALSO_UNSET}",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Environ = %v, want %v", got, want)
	}
}
