package notebooks_test

// The course's conventions (CONTRACTS.md C4, COURSE.md), checked on every
// notebook in this folder: valid and clean nbformat, the fearless kernel, an
// exercise in nbgrader's format with its wrong answers, a timeline, a Rust
// snippet, and nothing copied from the article.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/notebook"
	"github.com/fearless-go/fearless/notebooks/internal/originality"
)

// requireAll turns a missing prerequisite into a failure (CI).
var requireAll = os.Getenv("FEARLESS_REQUIRE_ALL") == "1"

func TestCourse(t *testing.T) {
	paths, err := filepath.Glob("*.ipynb")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notebooks in notebooks/ (%v)", err)
	}
	art := loadArticle(t)
	for _, p := range paths {
		t.Run(strings.TrimSuffix(p, ".ipynb"), func(t *testing.T) {
			for _, problem := range lint(p, art) {
				t.Error(problem)
			}
		})
	}
	t.Run("nbformat", func(t *testing.T) { validateWithNbformat(t, paths) })
}

// TestLintCatches proves that the checks above fail where they should, on
// notebooks written to a temporary folder.
func TestLintCatches(t *testing.T) {
	art := newArticle("Intro\n\nThe quick brown fox jumps over the lazy dog while the cat keeps watching from the warm windowsill.\n\n" +
		"use std::thread;\n\nfn main() {\nlet total = thread::spawn(|| 40 + 2).join().unwrap();\nprintln!(\"total {}\", total);\n}\n\n" +
		"After the code, a paragraph of prose that explains what the code above has done in detail.\n")
	// The lint sees the article only as fingerprints, written and read back
	// as the committed file is.
	var file bytes.Buffer
	if err := art.Write(&file); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(file.String(), "fox") || strings.Contains(file.String(), "spawn") {
		t.Fatalf("the fingerprint file holds the article's words:\n%s", file.String())
	}
	art, err := originality.Read(&file)
	if err != nil {
		t.Fatal(err)
	}
	if art.Equal(newArticle("A different article, with different words in it, all of them in another order.")) {
		t.Fatal("fingerprints of two different articles are equal: staleness would go unnoticed")
	}
	cases := []struct {
		name string
		edit func(nb *notebook.Notebook)
		want string // a problem containing this; "" for none
	}{
		{"good", func(*notebook.Notebook) {}, ""},
		{"output", func(nb *notebook.Notebook) {
			nb.Cells[1].Outputs = []*notebook.Output{notebook.NewStream("stdout", "hi\n")}
		}, "stores outputs"},
		{"execution count", func(nb *notebook.Notebook) { n := 3; nb.Cells[1].ExecutionCount = &n }, "execution count"},
		{"kernel", func(nb *notebook.Notebook) {
			nb.Metadata["kernelspec"] = map[string]any{"name": "gonb", "display_name": "Go (gonb)", "language": "go"}
		}, "kernelspec"},
		{"copied sentence", func(nb *notebook.Notebook) {
			nb.Cells[0].Source += "\n\nAs they say, the quick brown fox jumps over the lazy dog while we watch."
		}, "8 words"},
		{"copied code", func(nb *notebook.Notebook) {
			nb.Cells[0].Source += "\n\n```rust\nlet total = thread::spawn(|| 40 + 2).join().unwrap();\n```\n"
		}, "14 tokens"},
		{"copied code in a code cell", func(nb *notebook.Notebook) {
			nb.Cells[1].Source += "\nlet total = thread::spawn(|| 40 + 2).join().unwrap();\n"
		}, "14 tokens"},
		{"no rust", func(nb *notebook.Notebook) { nb.Cells[0].Source = "# Title\n\nOur words." }, "Rust snippet"},
		{"no claim", func(nb *notebook.Notebook) { nb.Cells[1].Source = "%%\ndefer charts.Show()\nfmt.Println(1)" }, "no claim"},
		{"settings-only cell", func(nb *notebook.Notebook) {
			nb.Cells = append(nb.Cells[:2], append([]*notebook.Cell{notebook.NewCode("%goflags -race")}, nb.Cells[2:]...)...)
		}, "nothing but settings"},
		{"settings-only cell, gonb comment form", func(nb *notebook.Notebook) {
			nb.Cells = append(nb.Cells[:2], append([]*notebook.Cell{notebook.NewCode("//gonb:%env GOMAXPROCS=1\n")}, nb.Cells[2:]...)...)
		}, "nothing but settings"},
		{"a setting in the cell that needs it, and a clearing cell", func(nb *notebook.Notebook) {
			nb.Cells[1].Source = "%goflags -race\n" + nb.Cells[1].Source
			nb.Cells = append(nb.Cells[:2], append([]*notebook.Cell{notebook.NewCode("%goflags \"\"")}, nb.Cells[2:]...)...)
		}, ""},
		{"no timeline", func(nb *notebook.Notebook) { nb.Cells[1].Source = "%%\nfmt.Println(1)" }, "charts.Show"},
		{"no exercise", func(nb *notebook.Notebook) { nb.Cells = nb.Cells[:2] }, "no exercise"},
		{"check without points", func(nb *notebook.Notebook) { nbg(nb.Cells[3])["points"] = 0 }, "points"},
		{"old schema", func(nb *notebook.Notebook) { nbg(nb.Cells[2])["schema_version"] = 1 }, "schema_version"},
		{"check shares its solution's grade_id", func(nb *notebook.Notebook) { nbg(nb.Cells[3])["grade_id"] = "count" }, "duplicate grade_id"},
		{"duplicate grade_id", func(nb *notebook.Notebook) {
			nb.Add(notebook.NewCode("func Other() {}")).Metadata["nbgrader"] = map[string]any{"grade": false,
				"solution": true, "locked": false, "grade_id": "count", "schema_version": 3}
		}, "duplicate grade_id"},
		{"unlocked check", func(nb *notebook.Notebook) { nbg(nb.Cells[3])["locked"] = false }, "locked"},
		{"no solution markers", func(nb *notebook.Notebook) { nb.Cells[2].Source = "func Count() int { return 0 }" }, "BEGIN SOLUTION"},
		{"no hidden tests", func(nb *notebook.Notebook) { nb.Cells[3].Source = "%%\nfmt.Println(Count())" }, "HIDDEN TESTS"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			nb := sampleNotebook()
			tc.edit(nb)
			path := filepath.Join(dir, "01-sample.ipynb")
			if err := notebook.Write(path, nb); err != nil {
				t.Fatal(err)
			}
			writeWrong(t, dir, "01-sample", "count", "zero", "one")
			problems := lint(path, art)
			if tc.want == "" {
				if len(problems) > 0 {
					t.Fatalf("a good notebook has problems: %q", problems)
				}
				return
			}
			if !containsAny(problems, tc.want) {
				t.Fatalf("want a problem with %q, got %q", tc.want, problems)
			}
		})
	}
	t.Run("one wrong answer", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "01-sample.ipynb")
		if err := notebook.Write(path, sampleNotebook()); err != nil {
			t.Fatal(err)
		}
		writeWrong(t, dir, "01-sample", "count", "zero")
		if p := lint(path, art); !containsAny(p, "wrong answers") {
			t.Fatalf("want a problem about wrong answers, got %q", p)
		}
	})
	t.Run("wrong answer without its reason", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "01-sample.ipynb")
		if err := notebook.Write(path, sampleNotebook()); err != nil {
			t.Fatal(err)
		}
		writeWrong(t, dir, "01-sample", "count", "zero", "one")
		bare := filepath.Join(dir, "testdata", "wrong", "01-sample", "count", "bare.go")
		if err := os.WriteFile(bare, []byte("func Count() int { return 1 }\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if p := lint(path, art); !containsAny(p, "bare.go") {
			t.Fatalf("want a problem about bare.go, got %q", p)
		}
	})
	t.Run("not JSON", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "01-broken.ipynb")
		if err := os.WriteFile(path, []byte(`{"cells": [`), 0o644); err != nil {
			t.Fatal(err)
		}
		if p := lint(path, art); len(p) == 0 {
			t.Fatal("a broken notebook passes")
		}
	})
}

// problem sets --------------------------------------------------------------

// lint returns what is wrong with the notebook at path; art may be nil (no
// originality check).
func lint(path string, art *article) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	nb, err := notebook.Parse(data)
	if err == nil {
		err = nb.Validate()
	}
	if err != nil {
		return []string{fmt.Sprintf("not a valid notebook: %v", err)}
	}
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if ks, _ := nb.Metadata["kernelspec"].(map[string]any); ks["name"] != "fearless" ||
		ks["display_name"] != "Go (Fearless)" || ks["language"] != "go" {
		add(`kernelspec is %v, want {"name":"fearless","display_name":"Go (Fearless)","language":"go"}`, ks)
	}
	var rust, timeline, claimed bool
	for i, c := range nb.Cells {
		if len(c.Outputs) > 0 {
			add("cell %d stores outputs (clear them before committing)", i)
		}
		if c.ExecutionCount != nil {
			add("cell %d stores an execution count", i)
		}
		if c.CellType == notebook.Markdown && strings.Contains(c.Source, "```rust") {
			rust = true
		}
		if c.CellType == notebook.Code && strings.Contains(c.Source, "charts.Show(") {
			timeline = true
		}
		if c.CellType == notebook.Code && strings.Contains(c.Source, "claim.") {
			claimed = true
		}
	}
	if !rust {
		add("no Rust snippet (a ```rust block in a markdown cell)")
	}
	if !timeline {
		add("no timeline (charts.Show in a code cell)")
	}
	if !claimed {
		add("no claim (a claim.That, claim.Equal, ... call in a code cell: helpers/claim)")
	}
	problems = append(problems, lintSettings(nb)...)
	problems = append(problems, lintExercises(path, nb)...)
	if art != nil {
		problems = append(problems, copied(art, nb)...)
	}
	return problems
}

// lintSettings finds cells that would leave kernel state behind. gonb's
// %goflags, %env and %cd (also written //gonb:%goflags ...) change the
// kernel for every later cell; the fearless kernel sets them back after the
// cell that ran them. So a setting belongs at the top of the cell that needs
// it, and a cell of nothing but settings is a mistake either way: with the
// fearless kernel it changes nothing for the cells after it, with a plain
// gonb kernel it changes them all. The one settings-only cell allowed clears
// the build flags (%goflags ""), for a plain gonb kernel after a cell that
// set them; the fearless kernel has already done it.
func lintSettings(nb *notebook.Notebook) []string {
	var problems []string
	for i, c := range nb.Cells {
		if c.CellType != notebook.Code {
			continue
		}
		var settings, code, clears int
		for _, line := range strings.Split(c.Source, "\n") {
			cmd := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "//gonb:"))
			switch f := strings.Fields(cmd); {
			case len(f) == 0 || strings.HasPrefix(cmd, "//"):
			case f[0] == "%goflags" || f[0] == "%env" || f[0] == "%cd":
				settings++
				if f[0] == "%goflags" && (len(f) == 1 || len(f) == 2 && (f[1] == `""` || f[1] == "''")) {
					clears++
				}
			default:
				code++
			}
		}
		if settings > 0 && code == 0 && clears < settings {
			problems = append(problems, fmt.Sprintf("cell %d holds nothing but settings (%%goflags, %%env, %%cd): put them at the top of the cell that needs them, which the kernel then runs with them, and no other cell", i))
		}
	}
	return problems
}

// lintExercises checks the notebook's exercises with the validator that
// `fearless assign` and `fearless prove` use (nbgrader's metadata, markers,
// grade_ids, wrong answers), and adds the course's own rules: at least one
// exercise, hidden checks in every check cell, two wrong answers or more.
func lintExercises(path string, nb *notebook.Notebook) []string {
	ex := exercise.Parse(nb, path)
	var problems []string
	for _, p := range exercise.Validate(ex) {
		problems = append(problems, p.Error())
	}
	if len(ex.Exercises) == 0 {
		problems = append(problems, "no exercise (a solution cell and its check cell with nbgrader metadata)")
	}
	for _, e := range ex.Exercises {
		for _, i := range e.Checks {
			src := nb.Cells[i].Source
			b, end := strings.Index(src, exercise.BeginHiddenTests), strings.Index(src, exercise.EndHiddenTests)
			if b < 0 || end < b {
				problems = append(problems, fmt.Sprintf("cell %d: check cell of %q has no hidden checks (%s ... %s)",
					i, e.ID, exercise.BeginHiddenTests, exercise.EndHiddenTests))
			}
		}
		problems = append(problems, lintWrong(ex.WrongDir(e.ID))...)
	}
	return problems
}

// lintWrong wants at least two wrong answers in dir (the validator wants one).
func lintWrong(dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	if len(files) < 2 {
		return []string{fmt.Sprintf("%s: %d wrong answers, want at least 2", dir, len(files))}
	}
	return nil
}

// validateWithNbformat runs Jupyter's own validator over the notebooks.
func validateWithNbformat(t *testing.T, paths []string) {
	// The Makefile names the venv (FEARLESS_VENV) and makes it first: there
	// a missing venv is a failure. A plain `go test` in a fresh clone has
	// none yet; kernel/notebook's own validator has checked the files.
	venv, named := os.LookupEnv("FEARLESS_VENV")
	if !named {
		venv = filepath.Join("..", ".venv")
	}
	py := filepath.Join(venv, "bin", "python")
	if _, err := os.Stat(py); err != nil {
		if requireAll && named {
			t.Fatalf("no Python venv at %s (make py-deps): %v", venv, err)
		}
		t.Skipf("no Python venv at %s (make py-deps)", venv)
	}
	script := `import sys, nbformat
bad = 0
for p in sys.argv[1:]:
    try:
        nbformat.validate(nbformat.read(p, as_version=nbformat.NO_CONVERT))
    except Exception as e:
        bad += 1
        print(p + ": " + str(e).splitlines()[0])
sys.exit(1 if bad else 0)`
	out, err := exec.Command(py, append([]string{"-c", script}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("nbformat rejects notebooks: %v\n%s", err, out)
	}
}

// originality ---------------------------------------------------------------

// fingerprintPath holds the fingerprints of the article's runs (see
// notebooks/internal/originality): the check needs no article.
var fingerprintPath = filepath.Join("testdata", "article.fingerprints")

// articlePath is the article the course follows, beside the repository's
// own checkout only; FEARLESS_ARTICLE names it elsewhere. Where it exists,
// the test checks that the fingerprints are current.
func articlePath() string {
	if p := os.Getenv("FEARLESS_ARTICLE"); p != "" {
		return p
	}
	return filepath.Join("..", "..", "shared", "article.txt")
}

// article is the fingerprinted article a notebook must not share runs with.
type article = originality.Fingerprints

func loadArticle(t *testing.T) *article {
	f, err := os.Open(fingerprintPath)
	if err != nil {
		t.Fatalf("the article's fingerprints are missing (%v): the originality check cannot run", err)
	}
	defer f.Close()
	fp, err := originality.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", fingerprintPath, err)
	}
	return fp
}

func newArticle(text string) *article { return originality.FromArticle(text) }

// TestFingerprintsAreCurrent compares the committed fingerprints with the
// article, where the article is present.
func TestFingerprintsAreCurrent(t *testing.T) {
	fp := loadArticle(t)
	if len(fp.Prose) < 1000 || len(fp.Code) < 100 {
		t.Fatalf("%s holds %d prose and %d code runs: too few for the article", fingerprintPath, len(fp.Prose), len(fp.Code))
	}
	text, err := os.ReadFile(articlePath())
	if err != nil {
		t.Logf("the article is not here (%v): the committed fingerprints are used as they are", err)
		return
	}
	if !newArticle(string(text)).Equal(fp) {
		t.Fatalf("%s does not match %s: run `go run ./notebooks/internal/fingerprint -article %s` from the repository's root", fingerprintPath, articlePath(), articlePath())
	}
}

// copied reports each cell that shares a run with the article: markdown prose
// (outside code fences) by words; code cells and fenced blocks by tokens.
func copied(a *article, nb *notebook.Notebook) []string {
	var problems []string
	for i, c := range nb.Cells {
		var prose, code []string
		switch c.CellType {
		case notebook.Markdown:
			for j, part := range strings.Split(c.Source, "```") {
				if j%2 == 0 {
					prose = append(prose, part)
				} else {
					code = append(code, part)
				}
			}
		case notebook.Code:
			code = append(code, c.Source)
		}
		if hit := a.SharedProse(strings.Join(prose, " ")); hit != "" {
			problems = append(problems, fmt.Sprintf("cell %d shares %d words with the article's prose: %q", i, originality.ProseRun, hit))
		}
		for _, block := range code {
			if hit := a.SharedCode(block); hit != "" {
				problems = append(problems, fmt.Sprintf("cell %d shares %d tokens with the article's code: %q", i, originality.CodeRun, hit))
				break
			}
		}
	}
	return problems
}

// fixtures ------------------------------------------------------------------

// sampleNotebook is the smallest notebook that meets every convention:
// markdown with Rust (cell 0), a timeline (1), a solution cell (2) and its
// check cell (3).
func sampleNotebook() *notebook.Notebook {
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewMarkdown("# Sample\n\nA sentence of our own.\n\n```rust\nlet n = 1;\n```"))
	nb.Add(notebook.NewCode("%%\ndefer charts.Show()\nfmt.Println(1)\nclaim.That(\"one is one\", 1 == 1)"))
	sol := nb.Add(notebook.NewCode("func Count() int {\n\t// BEGIN SOLUTION\n\treturn 2\n\t// END SOLUTION\n}"))
	sol.Metadata["nbgrader"] = map[string]any{"grade": false, "solution": true, "locked": false,
		"grade_id": "count", "schema_version": 3}
	chk := nb.Add(notebook.NewCode("%%\nex := check.Exercise(\"count\")\ndefer ex.Done()\n" +
		"// BEGIN HIDDEN TESTS\nex.Equal(\"two\", 2, func() any { return Count() }, check.Points(1))\n// END HIDDEN TESTS"))
	chk.Metadata["nbgrader"] = map[string]any{"grade": true, "solution": false, "locked": true,
		"grade_id": "count-check", "points": 1, "schema_version": 3}
	return nb
}

func nbg(c *notebook.Cell) map[string]any { return c.Metadata["nbgrader"].(map[string]any) }

func writeWrong(t *testing.T, dir, stem, id string, names ...string) {
	t.Helper()
	wdir := filepath.Join(dir, "testdata", "wrong", stem, id)
	if err := os.MkdirAll(wdir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		src := "// Wrong: " + n + "\nfunc Count() int { return 0 }\n"
		if err := os.WriteFile(filepath.Join(wdir, n+".go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func containsAny(problems []string, want string) bool {
	for _, p := range problems {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}
