package install

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// gonbPatch is the one change the kernel makes to gonb, applied to a copy
// of gonb's module that the kernel's gonb is built from (the module cache
// is left as it is; `go build -overlay` refuses files in it): gonb waits
// its ConnectTimeout (12 s) before its first attempt to connect to the gopls
// it started, so gopls began loading only 12 s into a session and a first
// Tab completion waited for it. Patched, gonb polls every 50 ms until gopls
// listens (the gopls shim listens at once), and gopls loads what cells use
// while the learner reads the first cell.
var gonbPatch = struct{ file, old, new string }{
	file: "internal/goexec/goplsclient/exec.go",
	old:  "\t\t\tcase <-time.After(ConnectTimeout):\n\t\t\t\t// Wait before trying to connect (again)\n",
	new:  "\t\t\tcase <-time.After(50 * time.Millisecond): // fearless: connect to gopls at once\n\t\t\t\t// Wait before trying to connect (again)\n",
}

// gonbSkip are the directories of gonb's module the copy leaves out (not
// needed to build it; 64 MB of documentation).
var gonbSkip = []string{"docs", "examples"}

// patchedGonb copies gonb's module into dir/gonb, patches the copy, and
// writes dir/gonb.work: a workspace with the checkout in which gonb is
// replaced by the copy. It returns the work file's path (for GOWORK). It
// fails when gonb's source no longer has the code the patch replaces (a new
// gonb version: look at the patch again).
func patchedGonb(ctx context.Context, goCmd, root, dir string) (string, error) {
	modDir, err := goRun(ctx, goCmd, root, "list", "-m", "-f", "{{.Dir}} {{.Version}}", "github.com/janpfeifer/gonb")
	if err != nil {
		return "", err
	}
	modDir, version, _ := strings.Cut(modDir, " ")
	data, err := os.ReadFile(filepath.Join(modDir, filepath.FromSlash(gonbPatch.file)))
	if err != nil {
		return "", fmt.Errorf("install: patching gonb: %w", err)
	}
	text := string(data)
	if strings.Count(text, gonbPatch.old) != 1 {
		return "", fmt.Errorf("install: patching gonb: %s no longer has the code the kernel patches (see kernel/install/patch.go)", gonbPatch.file)
	}
	dst := filepath.Join(dir, "gonb")
	if err := os.RemoveAll(dst); err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	err = filepath.WalkDir(modDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(modDir, path)
		if d.IsDir() {
			if slices.Contains(gonbSkip, filepath.ToSlash(rel)) {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if filepath.ToSlash(rel) == gonbPatch.file {
			content = []byte(strings.Replace(text, gonbPatch.old, gonbPatch.new, 1))
		}
		return os.WriteFile(filepath.Join(dst, rel), content, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("install: copying gonb: %w", err)
	}
	goVersion, err := goRun(ctx, goCmd, root, "list", "-m", "-f", "{{.GoVersion}}")
	if err != nil {
		return "", err
	}
	work := filepath.Join(dir, "gonb.work")
	text = fmt.Sprintf("go %s\n\nuse %s\n\nreplace github.com/janpfeifer/gonb %s => ./gonb\n", goVersion, root, version)
	if err := os.WriteFile(work, []byte(text), 0o644); err != nil {
		return "", fmt.Errorf("install: %w", err)
	}
	return work, nil
}
