package grade

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/template"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
)

// AutograderOptions configure WriteAutograder.
type AutograderOptions struct {
	Source  string        // the instructor's notebook
	Root    string        // the fearless module checkout the bundle installs from
	Timeout time.Duration // per cell (DefaultTimeout)
	// GoVersion is the Go release setup.sh installs (default: the one this
	// program was built with, e.g. "1.26.8").
	GoVersion string
}

// WriteAutograder writes Gradescope's autograder bundle, a zip with:
// setup.sh (run once on Gradescope's Ubuntu image: installs Go, builds
// fearless from the module source in the bundle, installs the kernel, and
// grades the source once to warm the build cache), run_autograder (run for
// each submission: grades /autograder/submission into
// /autograder/results/results.json; FEARLESS_AUTOGRADER_ROOT relocates
// /autograder), the source notebook and the module source.
func WriteAutograder(zipPath string, o AutograderOptions) error {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.GoVersion == "" {
		o.GoVersion = strings.TrimPrefix(runtime.Version(), "go")
	}
	src, err := exercise.Read(o.Source)
	if err != nil {
		return err
	}
	// Parsed without its path: wrong answers are prove's business, not the grader's.
	if probs := exercise.Validate(exercise.Parse(src.NB, "")); len(probs) > 0 {
		return fmt.Errorf("the source notebook has problems: %v", probs[0])
	}
	if _, err := os.Stat(filepath.Join(o.Root, "go.mod")); err != nil {
		return fmt.Errorf("the fearless module to bundle: %w", err)
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name string, data []byte, mode fs.FileMode) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		h.SetMode(mode)
		w, err := z.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	vars := map[string]string{
		"Notebook": filepath.Base(o.Source), "Timeout": o.Timeout.String(), "GoVersion": o.GoVersion,
	}
	for name, tmpl := range map[string]string{"setup.sh": setupSh, "run_autograder": runAutograder} {
		var b bytes.Buffer
		if err := template.Must(template.New(name).Delims("{{", "}}").Parse(tmpl)).Execute(&b, vars); err != nil {
			return err
		}
		if err := add(name, b.Bytes(), 0o755); err != nil {
			return err
		}
	}
	nb, err := os.ReadFile(o.Source)
	if err != nil {
		return err
	}
	if err := add(filepath.Base(o.Source), nb, 0o644); err != nil {
		return err
	}
	err = filepath.WalkDir(o.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(o.Root, p)
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".venv", "node_modules", "testdata", "bin", "build", "target", "notebooks", ".ipynb_checkpoints":
				if rel != "." {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		top := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
		if top != "go.mod" && top != "go.sum" && top != "helpers" && top != "kernel" && top != "charts" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, _ := d.Info()
		return add("fearless/"+filepath.ToSlash(rel), data, info.Mode().Perm())
	})
	if err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	return os.WriteFile(zipPath, buf.Bytes(), 0o644)
}

// setupSh runs once, as root, on Gradescope's image (Ubuntu, with curl).
const setupSh = `#!/usr/bin/env bash
# Gradescope runs this once, as root, when the autograder image is built.
# It installs Go {{.GoVersion}}, builds fearless from the module source in this
# bundle (fearless/), installs the "fearless" Jupyter kernel (gonb, goimports
# and gopls at the versions pinned in go.mod), then grades the source notebook
# once so that the Go build cache is warm for every submission.
set -euo pipefail
AG="${FEARLESS_AUTOGRADER_ROOT:-/autograder}"
SRC="$AG/source"
apt-get update -qq && apt-get install -y -qq curl ca-certificates git >/dev/null
if ! command -v go >/dev/null || [ "$(go env GOVERSION)" != "go{{.GoVersion}}" ]; then
  curl -fsSL "https://go.dev/dl/go{{.GoVersion}}.linux-amd64.tar.gz" | tar -C /usr/local -xz
fi
export PATH="/usr/local/go/bin:$PATH"
cd "$SRC/fearless"
go build -o bin/fearless ./kernel/cmd/fearless
bin/fearless install --root "$SRC/fearless"
bin/fearless install --check
# Warm the build cache: the reference solution, graded once.
bin/fearless grade --source "$SRC/{{.Notebook}}" --submissions "$SRC/{{.Notebook}}" --one --out /tmp/fearless-warm-up --timeout 5m || true
# Submissions run as users of their own (fearless grade as root): the source
# (solutions, hidden checks) is root's alone. Their programs need nothing
# from it: the grader builds them, as root.
chmod go-rwx "$SRC"
`

// runAutograder runs for every submission.
const runAutograder = `#!/usr/bin/env bash
# Gradescope runs this for every submission: it grades the notebook in
# $AG/submission against the source and writes $AG/results/results.json
# (feedback.html and feedback.ipynb beside it, under results/feedback/).
# FEARLESS_AUTOGRADER_ROOT relocates /autograder (tests); FEARLESS_BIN names
# the fearless binary. Never --allow-races here: a class on Gradescope is one
# nobody vouches for (see the README).
set -u
AG="${FEARLESS_AUTOGRADER_ROOT:-/autograder}"
FEARLESS="${FEARLESS_BIN:-$AG/source/fearless/bin/fearless}"
export PATH="/usr/local/go/bin:$PATH"
mkdir -p "$AG/results"
"$FEARLESS" grade --source "$AG/source/{{.Notebook}}" --submissions "$AG/submission" --one \
  --out "$AG/results/feedback" --timeout {{.Timeout}} --jobs 1 --no-cache
if [ -f "$AG/results/feedback/results.json" ]; then
  cp "$AG/results/feedback/results.json" "$AG/results/results.json"
else
  cat > "$AG/results/results.json" <<'JSON'
{"score": 0, "execution_time": 0, "output": "The autograder could not grade this submission (fearless grade failed; see the autograder's log). Please tell your instructor.", "tests": []}
JSON
fi
`
