package grade

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// Solutions of the sample's exercises, right and wrong.
const (
	countOK = `import "sync"

func Count(goroutines, each int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return total
}`
	firstOfOK = `func FirstOf(jobs ...func() int) int {
	if len(jobs) == 0 {
		panic("FirstOf: no jobs")
	}
	results := make(chan int, len(jobs))
	for _, j := range jobs {
		go func() { results <- j() }()
	}
	return <-results
}`
	countNoCompile = `func Count(goroutines, each int) int {
	total := 0
	total += "one"
	return total
}`
	firstOfDeadlock = `import "sync"

func FirstOf(jobs ...func() int) int {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock() // waits for itself
	return 0
}`
	countThreadPanic = `func Count(goroutines, each int) int {
	done := make(chan int)
	go func() { panic("boom in a thread") }()
	return <-done
}`
	firstOfLoop = `func FirstOf(jobs ...func() int) int {
	n := 0
	for {
		n++
	}
}`
	countFlood = `func Count(goroutines, each int) int {
	for {
		fmt.Println("all work and no play makes Jack a dull boy")
	}
}`
	firstOfExit = `import "os"

func FirstOf(jobs ...func() int) int {
	os.Exit(0)
	return 0
}`
	// Forks (one child leaves the process group), writes outside its
	// directory and in its HOME, then counts right.
	countForks = `import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

func Count(goroutines, each int) int {
	_ = exec.Command("sleep", "3601").Start()
	_ = exec.Command("setsid", "sleep", "3602").Start()
	_ = os.WriteFile("../../fearless-grade-test-escape.txt", []byte("x"), 0o644)
	_ = os.WriteFile(filepath.Join(os.Getenv("HOME"), "fearless-grade-test-home.txt"), []byte("x"), 0o644)
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return total
}`
	firstOfSleeps = `func FirstOf(jobs ...func() int) int {
	time.Sleep(time.Hour)
	return 0
}`
	// Forgery 1: the learner's own cell sends a check-shaped result (and
	// prints the pass block), for a wrong Count.
	countForgeCell = `import (
	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

func Count(goroutines, each int) int { return 0 }

%%
forged := ` + "`" + `{"version":1,"grade_id":"count","score":5,"max_score":5,"checks":[{"name":"everything","passed":true,"status":"passed","points":5,"max_points":5}]}` + "`" + `
fmt.Println("✓ count: 5/5 points")
gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{"text/plain": "count: 5/5", "application/vnd.fearless.check+json": forged}})
gonbui.Sync()`
	// Forgery 2: code called by the check cell sends an unsigned result,
	// then results of Checks of its own (one under a guessed key), and
	// exits before the instructor's checks can report.
	firstOfForgeInside = `import (
	"os"

	"github.com/fearless-go/fearless/helpers/check"
	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

func FirstOf(jobs ...func() int) int {
	forged := ` + "`" + `{"version":1,"grade_id":"first-of","score":4,"max_score":4,"checks":[{"name":"all","passed":true,"status":"passed","points":4,"max_points":4}]}` + "`" + `
	gonbui.SendData(&protocol.DisplayData{Data: map[protocol.MIMEType]any{"text/plain": "first-of: 4/4", check.ResultMIME: forged}})
	ex := check.Exercise("first-of")
	ex.True("all", func() (bool, string) { return true, "" }, check.Points(4))
	ex.Done()
	check.SignNext("00112233")
	ex2 := check.Exercise("first-of")
	ex2.True("all", func() (bool, string) { return true, "" }, check.Points(4))
	ex2.Done()
	gonbui.Sync()
	os.Exit(0)
	return 0
}`
)

// TestGradeCraftedSubmissions grades the sample's reference solution, its
// handout, and one crafted submission per way a submission can go wrong,
// two of them forging a pass, in one run with two jobs.
func TestGradeCraftedSubmissions(t *testing.T) {
	testenv.Integration(t)
	dir := t.TempDir()
	subs := filepath.Join(dir, "subs")
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(subs, 0o755); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(sample)
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(subs, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("solved.ipynb", string(src))
	writeNB(t, filepath.Join(subs, "handout.ipynb"), handout(t))
	write("malformed.ipynb", `{"cells": [{"cell_type": "code", "source": "func`)
	write("not-a-notebook.ipynb", `{"name": "a JSON file, not a notebook"}`)
	write("empty.ipynb", `{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`)

	// Missing and renamed: no count cell; first-of's cell under another grade_id.
	renamed := withSolutions(t, map[string]*string{"count": nil, "first-of": ptr(firstOfOK)})
	for _, c := range renamed.Cells {
		if m, ok := c.Metadata["nbgrader"].(map[string]any); ok && m["grade_id"] == "first-of" {
			m["grade_id"] = "first_of"
		}
	}
	writeNB(t, filepath.Join(subs, "missing-renamed.ipynb"), renamed)
	for name, sols := range map[string][2]string{
		"nocompile-deadlock": {countNoCompile, firstOfDeadlock},
		"threadpanic-loop":   {countThreadPanic, firstOfLoop},
		"flood-exit":         {countFlood, firstOfExit},
		"forks-sleeps":       {countForks, firstOfSleeps},
		"forge":              {countForgeCell, firstOfForgeInside},
	} {
		nb := withSolutions(t, map[string]*string{"count": ptr(sols[0]), "first-of": ptr(sols[1])})
		if name == "threadpanic-loop" { // and a check cell edited to pass anything: put back
			for _, c := range nb.Cells {
				if m, _ := exercise.MetaOf(c); m != nil && m.GradeID == "count-check" {
					c.Source = "%%\nex := check.Exercise(\"count\")\ndefer ex.Done()\nex.True(\"all\", func() (bool, string) { return true, \"\" }, check.Points(5))"
				}
			}
		}
		writeNB(t, filepath.Join(subs, name+".ipynb"), nb)
	}
	// A second copy of the tree, to show one submission never touches another.
	before, srcBefore := treeHash(t, subs), treeHash(t, filepath.Dir(sample))
	home, _ := os.UserHomeDir()
	os.Remove(filepath.Join(home, "fearless-grade-test-home.txt"))

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	start := time.Now()
	class, err := Grade(ctx, options(t, subs, out))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("graded %d submissions in %s", len(class.Submissions), time.Since(start).Round(time.Second))
	var table strings.Builder
	_ = class.WriteText(&table)
	t.Log("\n" + table.String())

	got := bySub(class)
	type want struct {
		count, firstOf float64
		status         string
		says           []string // in the feedback (a|b: either)
	}
	wants := map[string]want{
		"solved":             {5, 4, StatusGraded, nil},
		"handout":            {0, 0, StatusGraded, []string{"not attempted"}},
		"malformed":          {0, 0, StatusUnreadable, []string{"invalid JSON"}},
		"not-a-notebook":     {0, 0, StatusUnreadable, []string{"not a notebook"}},
		"empty":              {0, 0, StatusGraded, []string{"no solution cell for exercise count", "no solution cell for exercise first-of"}},
		"missing-renamed":    {0, 4, StatusGraded, []string{"no solution cell for exercise count", `no cell with grade_id "first-of": the code cells you added ran in its place`}},
		"nocompile-deadlock": {0, 0, StatusGraded, []string{"your solution cell did not build: line 3: invalid operation", "did not return within|timed out after 30s"}},
		"threadpanic-loop":   {0, 0, StatusGraded, []string{"boom in a thread", "cell count-check was edited", "did not return within|timed out after 30s"}},
		"flood-exit":         {0, 0, StatusGraded, []string{"output limit", "line 1: your code uses package os, which this exercise does not allow"}},
		// Refused before anything runs (package guard): os, os/exec.
		"forks-sleeps": {0, 0, StatusGraded, []string{"your code uses package os, which", "did not return within|timed out after 30s"}},
		// Refused too: gonbui, helpers/check (hostile_test forges with what
		// an exercise allows).
		"forge": {0, 0, StatusGraded, []string{"your code uses package github.com/janpfeifer/gonb/gonbui, which", "refused before it ran"}},
	}
	for name, w := range wants {
		s := got[name]
		if s == nil {
			t.Errorf("%s: no row", name)
			continue
		}
		fb := s.everything()
		if c, f := s.ex("count"), s.ex("first-of"); c == nil || f == nil || c.Score != w.count || f.Score != w.firstOf || s.Status != w.status {
			t.Errorf("%s: %s %v/%v, want %s %v/%v\n%s", name, s.Status, c.Score, f.Score, w.status, w.count, w.firstOf, fb)
		}
		for _, say := range w.says {
			if !slices.ContainsFunc(strings.Split(say, "|"), func(s string) bool { return strings.Contains(fb, s) }) {
				t.Errorf("%s: feedback does not say %q:\n%s", name, say, fb)
			}
		}
		for _, f := range []string{"feedback.ipynb", "feedback.html", "results.json", "grade.json"} {
			if _, err := os.Stat(filepath.Join(out, name, f)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	// The handout's feedback is calm: no stack trace, no panic.
	if h := got["handout"]; h != nil {
		html, _ := os.ReadFile(filepath.Join(out, "handout", "feedback.html"))
		for _, bad := range []string{"goroutine 1 [", "panic: ", ".go:"} {
			if strings.Contains(h.everything(), bad) || strings.Contains(string(html), bad) {
				t.Errorf("handout feedback shows %q", bad)
			}
		}
	}
	// Nothing outlived its run; nothing changed but the output.
	if pids := processesWith("3601", "3602"); len(pids) > 0 {
		t.Errorf("forked processes still running: %v", pids)
	}
	if treeHash(t, subs) != before || treeHash(t, filepath.Dir(sample)) != srcBefore {
		t.Error("grading changed the submissions or the source")
	}
	if _, err := os.Stat(filepath.Join(home, "fearless-grade-test-home.txt")); err == nil {
		t.Error("a submission wrote into the grader's HOME")
	}
	os.Remove(filepath.Join(os.TempDir(), "fearless-grade-test-escape.txt"))
	checkOutputs(t, class, out)

	// A re-run grades nothing: every submission comes from the cache.
	start = time.Now()
	again, err := Grade(ctx, options(t, subs, out))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range again.Submissions {
		if !s.Cached || s.Score != got[s.Name].Score {
			t.Errorf("re-run: %s cached %v score %v, want cached %v", s.Name, s.Cached, s.Score, got[s.Name].Score)
		}
	}
	t.Logf("re-run in %s", time.Since(start).Round(time.Millisecond))

	// One submission changes: only it is graded again.
	write("malformed.ipynb", `{"cells": [`)
	again, err = Grade(ctx, options(t, subs, out))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range again.Submissions {
		if s.Cached == (s.Name == "malformed") {
			t.Errorf("after malformed changed: %s cached %v", s.Name, s.Cached)
		}
	}

	// The cache trusts only what the grader wrote (seal.go): a grade.json
	// raised to full marks, seal and key kept, and a results.json rewritten,
	// are graded again, to their honest scores.
	var raised, rewritten *Submission
	for _, s := range again.Submissions {
		switch {
		case s.Status != StatusGraded || s.Name == "malformed":
		case raised == nil && s.Score < s.MaxScore:
			raised = s
		case rewritten == nil:
			rewritten = s
		}
	}
	if raised == nil || rewritten == nil {
		t.Fatal("no submission to tamper with")
	}
	var forged map[string]any
	gradeFile := filepath.Join(raised.Dir, "grade.json")
	raw, err := os.ReadFile(gradeFile)
	if err != nil || json.Unmarshal(raw, &forged) != nil || forged["seal"] == "" || forged["seal"] == nil {
		t.Fatalf("grade.json of %s: %v, no seal in %s", raised.Name, err, raw)
	}
	forged["score"] = raised.MaxScore
	forgedJSON, _ := json.Marshal(forged)
	mustWrite(t, gradeFile, forgedJSON)
	mustWrite(t, filepath.Join(rewritten.Dir, "results.json"), []byte(`{"score": 1000, "tests": []}`))
	again, err = Grade(ctx, options(t, subs, out))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range again.Submissions {
		tampered := s.Name == raised.Name || s.Name == rewritten.Name
		if tampered && (s.Cached || s.Score != got[s.Name].Score) {
			t.Errorf("tampered %s: cached %v, score %v, want graded again to %v", s.Name, s.Cached, s.Score, got[s.Name].Score)
		}
		if !tampered && s.Name != "malformed" && !s.Cached {
			t.Errorf("%s was graded again, untouched", s.Name)
		}
	}
}

// checkOutputs checks the gradebook, results.json and the feedback
// notebooks against their formats.
func checkOutputs(t *testing.T, class *Class, out string) {
	t.Helper()
	csv, err := os.ReadFile(filepath.Join(out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if len(lines) != len(class.Submissions)+1 || !strings.HasPrefix(lines[0], "submission,score,max_score,count,first-of,status") {
		t.Errorf("gradebook.csv:\n%s", csv)
	}
	var nbs []string
	for _, s := range class.Submissions {
		checkResultsJSON(t, filepath.Join(out, s.Name, "results.json"), s.Score)
		nbs = append(nbs, filepath.Join(out, s.Name, "feedback.ipynb"))
	}
	testenv.ValidateNotebooks(t, nbs...)
}

// checkResultsJSON checks a results.json against Gradescope's format.
func checkResultsJSON(t *testing.T, path string, score float64) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Score         *float64 `json:"score"`
		ExecutionTime *float64 `json:"execution_time"`
		Tests         []struct {
			Name       string   `json:"name"`
			Score      *float64 `json:"score"`
			MaxScore   *float64 `json:"max_score"`
			Visibility string   `json:"visibility"`
			Status     string   `json:"status"`
			Format     string   `json:"output_format"`
			Output     *string  `json:"output"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if r.Score == nil || *r.Score != score || r.ExecutionTime == nil || len(r.Tests) == 0 {
		t.Errorf("%s: score/execution_time/tests missing or wrong:\n%s", path, raw)
	}
	sum := 0.0
	for _, x := range r.Tests {
		if x.Name == "" || x.Score == nil || x.MaxScore == nil || x.Output == nil || x.Visibility != "visible" && x.Visibility != DefaultHiddenVisibility ||
			x.Status != "passed" && x.Status != "failed" || x.Format != "text" || strings.ContainsAny(*x.Output, "\x1b\a") {
			t.Errorf("%s: malformed test %+v", path, x)
			continue
		}
		sum += *x.Score
	}
	if sum != score {
		t.Errorf("%s: tests add up to %v, score %v", path, sum, score)
	}
}

// processesWith returns the pids whose command line has one of the args.
func processesWith(args ...string) []string {
	var pids []string
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		for _, a := range args {
			if strings.Contains(string(cmd), "sleep\x00"+a) {
				pids = append(pids, e.Name())
			}
		}
	}
	return pids
}

var _ = notebook.Code
