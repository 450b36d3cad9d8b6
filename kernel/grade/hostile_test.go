package grade

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// The honest wrong answers every hostile submission starts from.
const (
	honestCount   = "func Count(goroutines, each int) int { return 0 }"
	honestFirstOf = "func FirstOf(jobs ...func() int) int { return jobs[len(jobs)-1]() }"
)

// hostile is one submission of testdata/hostile.
type hostile struct {
	name  string
	class string
	wants []string
	cells map[string]string // count, first-of, extra
}

func readHostile(t *testing.T, marker string) []hostile {
	t.Helper()
	paths, err := filepath.Glob("testdata/hostile/*.txt")
	if err != nil || len(paths) < 10 {
		t.Fatalf("hostile submissions: %v (%d)", err, len(paths))
	}
	var out []hostile
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		h := hostile{name: strings.TrimSuffix(filepath.Base(p), ".txt"), cells: map[string]string{}}
		part := ""
		var lines []string
		flush := func() {
			if part != "" {
				h.cells[part] = strings.TrimSpace(strings.Join(lines, "\n"))
			}
			lines = nil
		}
		for _, l := range strings.Split(string(raw), "\n") {
			switch {
			case part == "" && strings.HasPrefix(l, "# class: "):
				h.class = strings.TrimPrefix(l, "# class: ")
			case part == "" && strings.HasPrefix(l, "# want: "):
				h.wants = append(h.wants, strings.TrimPrefix(l, "# want: "))
			case strings.HasPrefix(l, "--- "):
				flush()
				part = strings.TrimPrefix(l, "--- ")
			default:
				l = strings.NewReplacer("MARKER", marker, "HONEST_COUNT", honestCount, "HONEST_FIRST_OF", honestFirstOf).Replace(l)
				lines = append(lines, l)
			}
		}
		flush()
		if h.class == "" || h.cells["count"] == "" || h.cells["first-of"] == "" {
			t.Fatalf("%s: no class or solutions", p)
		}
		out = append(out, h)
	}
	return out
}

// TestHostile grades testdata/hostile (an attack per class of issue #19 and
// more) beside the honest wrong answers they start from, and a few entries
// that are not notebooks at all: every attack scores at most the honest
// score on each exercise, says why in its feedback, runs nothing of its
// attack (no marker file, no process left), and leaks nothing (no control
// character, no long message) into the feedback, results.json, the
// gradebook or the terminal.
func TestHostile(t *testing.T) {
	testenv.Integration(t)
	dir := t.TempDir()
	subs, out := filepath.Join(dir, "subs"), filepath.Join(dir, "out")
	if err := os.MkdirAll(subs, 0o755); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(dir, "attack-ran")
	hs := readHostile(t, marker)
	var sleeper *notebook.Notebook
	for _, h := range hs {
		nb := withSolutions(t, map[string]*string{"count": ptr(h.cells["count"]), "first-of": ptr(h.cells["first-of"])})
		if x := h.cells["extra"]; x != "" {
			nb.Cells = append(nb.Cells, notebook.NewCode(x))
		}
		if h.name == "sleep-in-init" {
			sleeper = nb // graded on its own, with a short budget
			continue
		}
		writeNB(t, filepath.Join(subs, h.name+".ipynb"), nb)
	}
	// Class 7: a name that is the grader's own, a FIFO, a link out of the
	// folder, a name with terminal escapes in it.
	gb := withSolutions(t, map[string]*string{"count": ptr("//gonb:!touch " + marker + "\n" + honestCount), "first-of": ptr(honestFirstOf)})
	writeNB(t, filepath.Join(subs, "gradebook.csv.ipynb"), gb)
	if err := syscall.Mkfifo(filepath.Join(subs, "fifo.ipynb"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(subs, "link.ipynb")); err != nil {
		t.Fatal(err)
	}
	writeNB(t, filepath.Join(subs, "\x1b]0;title\a\x1b[2Jescape.ipynb"), gb)

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	opts := options(t, subs, out)
	class, err := Grade(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	var term bytes.Buffer
	_ = class.WriteText(&term)
	t.Log("\n" + term.String())
	got := bySub(class)
	honest := got["honest"]
	if honest == nil || honest.ex("count") == nil || honest.ex("first-of") == nil {
		t.Fatal("no honest row")
	}
	hc, hf := honest.ex("count").Score, honest.ex("first-of").Score
	if hc >= 5 || hf >= 4 {
		t.Fatalf("the honest wrong answers score %v/%v: not wrong", hc, hf)
	}
	held := func(name string, s *Submission) {
		t.Helper()
		c, f := s.ex("count"), s.ex("first-of")
		if c == nil || f == nil || c.Score > hc || f.Score > hf {
			t.Errorf("%s: the attack scored above the honest %v/%v:\n%s", name, hc, hf, s.everything())
		}
	}
	for _, h := range hs {
		if h.name == "sleep-in-init" {
			continue
		}
		s := got[h.name]
		if s == nil {
			t.Errorf("%s: no row", h.name)
			continue
		}
		held(h.name, s)
		fb := s.everything()
		for _, w := range h.wants {
			if !strings.Contains(fb, w) {
				t.Errorf("%s (class %s): feedback does not say %q:\n%s", h.name, h.class, w, fb)
			}
		}
	}
	rows := map[string]string{
		"gradebook.csv-submission": "//gonb: line",
		"fifo":                     "a FIFO, not a regular file",
		"link":                     "a symbolic link out of the submissions folder",
		"__0_title___2Jescape":     "//gonb: line",
	}
	for name, say := range rows {
		s := got[name]
		if s == nil {
			t.Errorf("no row %s among %v", name, keys(got))
			continue
		}
		held(name, s)
		if !strings.Contains(s.everything()+s.problem(), say) {
			t.Errorf("%s: does not say %q:\n%s", name, say, s.everything())
		}
	}
	csv, err := os.ReadFile(filepath.Join(out, "gradebook.csv"))
	if err != nil || !strings.Contains(string(csv), "fifo,0,9,0,0,unreadable,\"a FIFO, not a regular file") {
		t.Errorf("gradebook.csv (%v):\n%s", err, csv)
	}
	if !strings.Contains(string(csv), "your code has a //gonb: line") {
		t.Errorf("the gradebook's problem column does not say what was refused:\n%s", csv)
	}

	// The sleeper: its init runs before every program; the budget ends it.
	sdir := filepath.Join(dir, "sleeper")
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeNB(t, filepath.Join(sdir, "sleep-in-init.ipynb"), sleeper)
	so := options(t, sdir, filepath.Join(dir, "sleeper-out"))
	so.Budget, so.Timeout = 10*time.Second, time.Minute
	sc, err := Grade(ctx, so)
	if err != nil {
		t.Fatal(err)
	}
	s := sc.Submissions[0]
	held("sleep-in-init", s)
	if !strings.Contains(s.everything(), "the run took its whole time budget (10s)") || s.Status != StatusGraded {
		t.Errorf("sleep-in-init: %s, the budget not said:\n%s", s.Status, s.everything())
	}
	_ = sc.WriteText(&term)

	// Nothing of an attack ran, nothing outlived its run.
	if _, err := os.Stat(marker); err == nil {
		t.Error("an attack ran: its marker file exists")
	}
	if pids := processesWith("3603"); len(pids) > 0 {
		t.Errorf("processes left: %v", pids)
	}
	// Nothing leaked: no control character, no long message anywhere.
	if strings.ContainsAny(term.String(), "\x1b\a") {
		t.Error("terminal output carries control characters")
	}
	if strings.ContainsAny(string(csv), "\x1b\a") {
		t.Error("gradebook.csv carries control characters")
	}
	for _, s := range class.Submissions {
		raw, err := os.ReadFile(filepath.Join(s.Dir, "results.json"))
		if err != nil {
			t.Errorf("%s: %v", s.Name, err)
			continue
		}
		var r GradescopeResults
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		for _, x := range r.Tests {
			if strings.ContainsAny(x.Output+x.Name, "\x1b\a") || len([]rune(x.Output)) > MaxMessage+60 || strings.Count(x.Output, "BEGIN HIDDEN TESTS") > 30 {
				t.Errorf("%s: results.json test %q leaks: %d characters: %.200q", s.Name, x.Name, len(x.Output), x.Output)
			}
			if x.Status == "" || x.OutputFormat != "text" || x.Visibility == "" {
				t.Errorf("%s: results.json test %q lacks status, output_format or visibility", s.Name, x.Name)
			}
		}
		for _, f := range []string{"feedback.html", "grade.json"} {
			b, _ := os.ReadFile(filepath.Join(s.Dir, f))
			if bytes.ContainsAny(b, "\x1b\a") {
				t.Errorf("%s: %s carries control characters", s.Name, f)
			}
		}
	}
	checkOutputs(t, class, out)
}

func keys(m map[string]*Submission) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestHostileEscapee is defence in depth for class 4, for an exercise
// whose instructor allowed os/exec: a process started with an empty
// environment in a session of its own (no run's mark, out of the kernel's
// process group) still dies with its run — the grader is its subreaper.
func TestHostileEscapee(t *testing.T) {
	testenv.Integration(t)
	dir := t.TempDir()
	src, err := notebook.Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range src.Cells {
		if m, ok := c.Metadata["nbgrader"].(map[string]any); ok && m["grade_id"] == "count" {
			m["fearless_allow"] = []any{"os/exec"}
		}
	}
	source := filepath.Join(dir, "counter.ipynb")
	writeNB(t, source, src)
	subs := filepath.Join(dir, "subs")
	if err := os.MkdirAll(subs, 0o755); err != nil {
		t.Fatal(err)
	}
	escapee := `import "os/exec"

func init() {
	cmd := exec.Command("setsid", "sleep", "3604")
	cmd.Env = []string{}
	_ = cmd.Start()
}

` + honestCount
	writeNB(t, filepath.Join(subs, "escapee.ipynb"), withSolutions(t, map[string]*string{"count": &escapee, "first-of": ptr(honestFirstOf)}))
	o := options(t, subs, filepath.Join(dir, "out"))
	o.Source = source
	class, err := Grade(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	s := class.Submissions[0]
	if c := s.ex("count"); c == nil || c.Refused || c.Score != 2 {
		t.Errorf("escapee: not graded as the honest answer:\n%s", s.everything())
	}
	if pids := processesWith("3604"); len(pids) > 0 {
		t.Errorf("the escapee outlived its run: %v", pids)
	}
}

// TestHostileRace: a data race breaks Go's memory safety, so a submission
// that uses only allowed packages can still rewrite its checks' results in
// memory (testdata/hostile-race: 9 of 9 with AllowRaces). Graded as the
// grader grades by default, the race detector stops it at its first race.
func TestHostileRace(t *testing.T) {
	testenv.Integration(t)
	dir := t.TempDir()
	subs, out := filepath.Join(dir, "subs"), filepath.Join(dir, "out")
	if err := os.MkdirAll(subs, 0o755); err != nil {
		t.Fatal(err)
	}
	read := func(name string) *string {
		b, err := os.ReadFile(filepath.Join("testdata/hostile-race", name))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		return &s
	}
	writeNB(t, filepath.Join(subs, "honest.ipynb"), withSolutions(t, map[string]*string{"count": ptr(honestCount), "first-of": ptr(honestFirstOf)}))
	writeNB(t, filepath.Join(subs, "race.ipynb"), withSolutions(t, map[string]*string{"count": read("count.txt"), "first-of": read("first-of.txt")}))
	class, err := Grade(context.Background(), options(t, subs, out))
	if err != nil {
		t.Fatal(err)
	}
	got := bySub(class)
	honest, race := got["honest"], got["race"]
	if honest == nil || race == nil {
		t.Fatalf("rows: %v", got)
	}
	if race.Score > honest.Score {
		t.Fatalf("the race raised its score to %v, above the honest %v:\n%s", race.Score, honest.Score, race.everything())
	}
	if all := race.everything(); !strings.Contains(all, "the race detector stopped the check cell at a data race") {
		t.Errorf("the feedback does not say why:\n%s", all)
	}
	t.Logf("honest %v, race %v", honest.Score, race.Score)
}
