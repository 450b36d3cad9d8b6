package check

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	if os.Getenv("CHECK_TEST_CHILD") != "" {
		child(os.Getenv("CHECK_TEST_CHILD"))
		return
	}
	goleak.VerifyTestMain(m)
}

// fake returns checks that print into buffers and record the exit code.
func fake() (*Checks, *bytes.Buffer, *bytes.Buffer, *int) {
	var out, errb bytes.Buffer
	code := -1
	return &Checks{gradeID: "ex-1", stdout: &out, stderr: &errb, exit: func(c int) { code = c }}, &out, &errb, &code
}

func only(t *testing.T, c *Checks) Check {
	t.Helper()
	r := c.Result()
	if len(r.Checks) != 1 {
		t.Fatalf("%d checks recorded, want 1", len(r.Checks))
	}
	return r.Checks[0]
}

func TestEqual(t *testing.T) {
	cases := []struct {
		want, got any
		pass      bool
		msg       string
	}{
		{1000, 1000, true, ""},
		{1000, int64(1000), true, ""},
		{1000, uint8(232), false, "got 232, want 1000"},
		{2.5, float32(2.5), true, ""},
		{-1, uint(1), false, "got 1, want -1"},
		{"abc", "abd", false, `got "abd", want "abc"`},
		{"a\nb\nc", "a\nx\nc", false, `line 2: got "x", want "b"`},
		{"a\nb", "a", false, `line 2: missing, want "b"`},
		{[]int{1, 2, 3}, []int{1, 2, 4}, false, "at [2]: got 4, want 3"},
		{[]int{1, 2, 3}, []int{1, 2}, false, "(length): got 2 elements, want 3 elements"},
		{map[string]int{"a": 1, "b": 2}, map[string]int{"a": 1, "b": 3}, false, `at ["b"]: got 3, want 2`},
		{map[string]int{"a": 1}, map[string]int{"a": 1, "z": 0}, false, `at ["z"]: got 0, want nothing (no such key)`},
		{map[string]int{"a": 1}, map[string]int{}, false, `at ["a"]: got nothing (the key is missing), want 1`},
		{struct{ X, Y int }{1, 2}, struct{ X, Y int }{1, 5}, false, "at .Y: got 5, want 2"},
		{"3", 3, false, `got 3 of type int, want "3" of type string`},
		{nil, 3, false, "got 3, want nil"},
		{[]string(nil), []string{}, false, "got []string{}, want []string(nil)"},
	}
	for _, tc := range cases {
		c, _, _, _ := fake()
		passed := c.Equal("eq", tc.want, func() any { return tc.got })
		r := only(t, c)
		if passed != tc.pass || r.Passed != tc.pass {
			t.Errorf("Equal(%#v, %#v) passed=%v, want %v", tc.want, tc.got, passed, tc.pass)
		}
		if !strings.Contains(r.Message, tc.msg) {
			t.Errorf("Equal(%#v, %#v): message %q, want it to contain %q", tc.want, tc.got, r.Message, tc.msg)
		}
	}
}

func TestStubIsCalm(t *testing.T) {
	c, out, errb, code := fake()
	stub := func() int { panic("not implemented") }
	c.Equal("counts", 3, func() any { return stub() })
	c.True("holds", func() (bool, string) { stub(); return true, "" })
	c.Panics("panics on -1", func() { stub() })
	c.Repeat("every time", 10, func() error { stub(); return nil })
	c.Repeat("returns the stub's error", 10, func() error { return errors.New("not implemented") })
	for _, k := range c.Result().Checks {
		if k.Status != StatusNotImplemented || k.Message != "not implemented yet" || k.Passed {
			t.Errorf("%s: %+v, want a calm not implemented yet", k.Name, k)
		}
	}
	c.Done()
	if *code != 1 {
		t.Errorf("exit code %d, want 1", *code)
	}
	if strings.Contains(out.String(), "goroutine") || strings.Contains(out.String(), ".go:") {
		t.Errorf("the block shows a stack trace:\n%s", out)
	}
	if want := "check: ex-1: 5 checks failed (0 of 5 points)\n"; errb.String() != want {
		t.Errorf("stderr %q, want %q", errb, want)
	}
}

func TestHangFailsThatCheckOnly(t *testing.T) {
	c, _, _, _ := fake()
	release := make(chan struct{})
	defer close(release) // lets the abandoned goroutine end before goleak looks
	start := time.Now()
	c.Equal("hangs", 1, func() any { <-release; return 1 }, Timeout(50*time.Millisecond))
	c.Within("hangs too", 30*time.Millisecond, func() { <-release })
	c.Equal("next one runs", 2, func() any { return 2 })
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	r := c.Result()
	if r.Checks[0].Status != StatusTimedOut || !strings.Contains(r.Checks[0].Message, "did not return within 50ms") {
		t.Errorf("first: %+v", r.Checks[0])
	}
	if r.Checks[1].Status != StatusTimedOut || !strings.Contains(r.Checks[1].Message, "within 30ms") {
		t.Errorf("second: %+v", r.Checks[1])
	}
	if !r.Checks[2].Passed {
		t.Errorf("third: %+v", r.Checks[2])
	}
}

func TestPanics(t *testing.T) {
	c, _, _, _ := fake()
	c.Panics("panics", func() { panic("negative amount") }, Containing("negative"))
	c.Panics("wrong message", func() { panic(errors.New("boom")) }, Containing("negative"))
	c.Panics("no panic", func() {})
	c.Panics("stub expected", func() { panic("not implemented") }, Containing("not implemented"))
	r := c.Result().Checks
	if !r[0].Passed || r[1].Passed || r[2].Passed || !r[3].Passed {
		t.Fatalf("%+v", r)
	}
	if r[1].Message != `panicked with "boom", want a message containing "negative"` {
		t.Errorf("message %q", r[1].Message)
	}
	if r[2].Message != "returned normally, want a panic" {
		t.Errorf("message %q", r[2].Message)
	}
}

func TestPanicInOtherChecks(t *testing.T) {
	c, _, _, _ := fake()
	c.True("index", func() (bool, string) { var s []int; _ = s[3]; return true, "" })
	k := only(t, c)
	if k.Status != StatusPanicked || !strings.Contains(k.Message, "panicked: runtime error: index out of range") {
		t.Errorf("%+v", k)
	}
}

func TestTrue(t *testing.T) {
	c, _, _, _ := fake()
	c.True("holds", func() (bool, string) { return true, "" }, Points(2))
	c.True("does not", func() (bool, string) { return false, "balance is -3" }, Points(3))
	c.True("no reason", func() (bool, string) { return false, "" })
	r := c.Result()
	if r.Score != 2 || r.MaxScore != 6 || r.Checks[1].Message != "balance is -3" || r.Checks[2].Message == "" {
		t.Fatalf("%+v", r)
	}
}

func TestEventually(t *testing.T) {
	c, _, _, _ := fake()
	n := 0
	c.Eventually("becomes true", time.Second, func() bool { n++; return n >= 3 })
	c.Eventually("never", 20*time.Millisecond, func() bool { return false })
	r := c.Result().Checks
	if !r[0].Passed || r[1].Passed || r[1].Message != "still false after 20ms" {
		t.Fatalf("%+v", r)
	}
}

func TestRepeat(t *testing.T) {
	c, _, _, _ := fake()
	runs := 0
	var procs []int
	c.Repeat("all pass", 5, func() error { runs++; procs = append(procs, runtime.GOMAXPROCS(0)); return nil }, Procs(1, 3))
	if runs != 10 || procs[0] != 1 || procs[9] != 3 {
		t.Errorf("runs %d under %v", runs, procs)
	}
	before := runtime.GOMAXPROCS(0)
	n := 0
	c.Repeat("fails on the 4th run", 10, func() error {
		n++
		if n == 4 {
			return fmt.Errorf("got %d, want 4000", 3998)
		}
		return nil
	}, Procs(2))
	if runtime.GOMAXPROCS(0) != before {
		t.Errorf("GOMAXPROCS not restored")
	}
	r := c.Result().Checks
	if !r[0].Passed || r[1].Passed || r[1].Message != "run 4 of 10 (GOMAXPROCS=2): got 3998, want 4000" {
		t.Fatalf("%+v", r)
	}
	c.Repeat("panics on the 2nd run", 3, func() error {
		if n++; n == 6 {
			panic("boom")
		}
		return nil
	})
	if k := c.Result().Checks[2]; k.Message != "run 2 of 3: panicked: boom" {
		t.Errorf("%+v", k)
	}
}

func TestRace(t *testing.T) {
	c, _, _, _ := fake()
	c.RequireRace()
	c.Equal("needs race", 1, func() any { return 1 }, Race())
	r := c.Result().Checks
	for _, k := range r {
		if k.Passed != RaceEnabled {
			t.Errorf("%+v with RaceEnabled=%v", k, RaceEnabled)
		}
		if !RaceEnabled && !strings.Contains(k.Message, "%goflags -race") {
			t.Errorf("message %q", k.Message)
		}
	}
}

// TestRaceFailsTheCheck runs a racy check in a child process (the race would
// fail this test) and reads the child's block.
func TestRaceFailsTheCheck(t *testing.T) {
	out, code := runChild(t, "race", "GORACE=exitcode=0")
	if RaceEnabled {
		if !strings.Contains(out, "✗ racy counter") || !strings.Contains(out, "the race detector found") || code != 1 {
			t.Fatalf("child exit %d, output:\n%s", code, out)
		}
		if !strings.Contains(out, "run 1 of 5: the race detector found 1 data race") {
			t.Fatalf("Repeat does not stop at the run that raced:\n%s", out)
		}
		if !strings.Contains(out, "check: child: 2 checks failed (0 of 2 points)") {
			t.Fatalf("no line on stderr saying why the program failed:\n%s", out)
		}
	} else if !strings.Contains(out, "✓ racy counter") || !strings.Contains(out, "✓ racy repeat") || code != 0 {
		t.Fatalf("without -race the race goes unseen; child exit %d, output:\n%s", code, out)
	}
}

func TestDone(t *testing.T) {
	c, out, errb, code := fake()
	c.Equal("ok", 1, func() any { return 1 }, Points(2))
	c.Done()
	c.Done()
	if *code != -1 || errb.Len() != 0 {
		t.Errorf("all passed, yet exit %d, stderr %q", *code, errb)
	}
	want := "✓ ex-1: 2/2 points, all 1 check passed\n  ✓ ok  [2/2]\n"
	if out.String() != want {
		t.Errorf("block %q, want %q", out, want)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a check after Done was accepted")
			}
		}()
		c.True("late", func() (bool, string) { return true, "" })
	}()
}

func TestDoneCatchesCellPanic(t *testing.T) {
	c, out, _, code := fake()
	func() {
		defer c.Done()
		c.Equal("ok", 1, func() any { return 1 })
		panic("not implemented")
	}()
	if *code != 1 || !strings.Contains(out.String(), "✗ the check cell ran to the end") || !strings.Contains(out.String(), "not implemented yet") {
		t.Errorf("exit %d, block:\n%s", *code, out)
	}
}

type fakeTB struct {
	errors, logs []string
	cleanups     []func()
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Logf(format string, args ...any) {
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }

func TestTestAdapter(t *testing.T) {
	tb := &fakeTB{}
	c := Test(tb, "ex-2")
	c.Equal("ok", 1, func() any { return 1 })
	c.Equal("wrong", 1, func() any { return 2 })
	for _, f := range tb.cleanups {
		f()
	}
	if len(tb.errors) != 1 || tb.errors[0] != `check "wrong" failed: got 2, want 1` || len(tb.logs) != 1 {
		t.Fatalf("errors %q logs %q", tb.errors, tb.logs)
	}
	// Through a real *testing.T.
	t.Run("real", func(t *testing.T) {
		ex := Test(t, "ex-3")
		ex.Equal("sum", 6, func() any { return 1 + 2 + 3 })
	})
}

func TestDecodeResult(t *testing.T) {
	c, _, _, _ := fake()
	c.Equal("ok", 1, func() any { return 1 }, Points(1.5))
	c.Equal("no", 1, func() any { return 0 })
	r := c.Result()
	var buf bytes.Buffer
	raw := mustJSON(t, r)
	for _, v := range []any{string(raw), raw, mustMap(t, raw)} {
		got, err := DecodeResult(v)
		if err != nil || got.GradeID != "ex-1" || got.Score != 1.5 || got.MaxScore != 2.5 || len(got.Checks) != 2 || got.Checks[1].Passed {
			t.Errorf("DecodeResult(%T) = %+v, %v", v, got, err)
		}
	}
	for _, bad := range []any{nil, 3, "{", `{"version":2}`} {
		if _, err := DecodeResult(bad); err == nil {
			t.Errorf("DecodeResult(%#v) accepted", bad)
		}
	}
	_ = buf
	if h := HTML(r); !strings.Contains(h, "✗") || !strings.Contains(h, "got 0, want 1") {
		t.Errorf("HTML: %s", h)
	}
}

// child runs inside a child process (see runChild).
func child(which string) {
	ex := Exercise("child")
	defer ex.Done()
	switch which {
	case "racefree":
		ex.RaceFree("a plain map", 5, func() error { countWords(false); return nil })
	case "racefree-escape":
		ex.RaceFree("a pointer taken out of its guard", 5, func() error { escapeGuards(); return nil })
	case "race":
		ex.Equal("racy counter", true, func() any {
			n := 0
			done := make(chan bool)
			for range 2 {
				go func() {
					for range 1000 {
						n++
					}
					done <- true
				}()
			}
			<-done
			<-done
			return n > 0
		})
		ex.Repeat("racy repeat", 5, func() error {
			n := 0
			done := make(chan bool)
			go func() { n++; done <- true }()
			n++
			<-done
			return nil
		})
	}
}

// runChild runs this test binary as a plain program that calls child, and
// returns its output and exit status.
func runChild(t *testing.T, which string, env ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), "CHECK_TEST_CHILD="+which), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return string(out), cmd.ProcessState.ExitCode()
}
