package claim_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/claim"
)

// capture runs f with claim lines sent to a buffer and returns them and the
// panic f raised, if any.
func capture(t *testing.T, f func()) (out string, failure *claim.Failure) {
	t.Helper()
	var buf bytes.Buffer
	old := claim.SetOutput(&buf)
	defer claim.SetOutput(old)
	func() {
		defer func() {
			if r := recover(); r != nil {
				var ok bool
				if failure, ok = r.(*claim.Failure); !ok {
					panic(r)
				}
			}
		}()
		f()
	}()
	return buf.String(), failure
}

func TestThatPasses(t *testing.T) {
	out, f := capture(t, func() { claim.That("two is even", 2%2 == 0) })
	if f != nil || out != "✓ two is even\n" {
		t.Fatalf("out %q, failure %v", out, f)
	}
}

func TestThatFails(t *testing.T) {
	out, f := capture(t, func() { claim.That("three is even", 3%2 == 0, "3 %% 2 = %d", 1) })
	if f == nil {
		t.Fatal("a false claim did not panic")
	}
	if out != "✗ three is even — 3 % 2 = 1\n" {
		t.Fatalf("out %q", out)
	}
	if f.Statement != "three is even" || f.Detail != "3 % 2 = 1" || f.Error() != "claim failed: three is even — 3 % 2 = 1" {
		t.Fatalf("failure %+v: %v", f, f)
	}
}

func TestDetailFormatting(t *testing.T) {
	for _, c := range []struct {
		detail []any
		want   string
	}{
		{nil, "✗ s\n"},
		{[]any{"plain words"}, "✗ s — plain words\n"},
		{[]any{"n=%d", 4}, "✗ s — n=4\n"},
		{[]any{errors.New("boom")}, "✗ s — boom\n"},
		{[]any{"got", 3}, "✗ s — got3\n"}, // fmt.Sprint: no space between a string and a number
		{[]any{"two\nlines"}, "✗ s — two lines\n"},
	} {
		out, f := capture(t, func() { claim.That("s", false, c.detail...) })
		if f == nil || out != c.want {
			t.Errorf("detail %q: out %q, want %q", c.detail, out, c.want)
		}
	}
}

func TestHelpers(t *testing.T) {
	pass := []func(){
		func() { claim.Equal("eq", 3, 3) },
		func() { claim.AtLeast("ge", 3, 3) },
		func() { claim.AtMost("le", 2.5, 3.0) },
		func() { claim.Between("in", "b", "a", "c") },
		func() { claim.Contains("has", "use after move", "move") },
		func() { claim.NoError("nil", nil) },
		func() { claim.IsError("err", errors.New("x")) },
	}
	for i, f := range pass {
		if out, fl := capture(t, f); fl != nil || !strings.HasPrefix(out, "✓ ") {
			t.Errorf("pass %d: %q %v", i, out, fl)
		}
	}
	fail := map[string]func(){
		"✗ eq — got 3, want 4\n":                   func() { claim.Equal("eq", 3, 4) },
		"✗ ge — got 2, want at least 3\n":          func() { claim.AtLeast("ge", 2, 3) },
		"✗ le — got 4, want at most 3\n":           func() { claim.AtMost("le", 4, 3) },
		"✗ in — got 9, want between 1 and 5\n":     func() { claim.Between("in", 9, 1, 5) },
		"✗ has — \"abc\" does not contain \"z\"\n": func() { claim.Contains("has", "abc", "z") },
		"✗ nil — error: boom\n":                    func() { claim.NoError("nil", errors.New("boom")) },
		"✗ err — no error\n":                       func() { claim.IsError("err", nil) },
	}
	for want, f := range fail {
		if out, fl := capture(t, f); fl == nil || out != want {
			t.Errorf("out %q, want %q (failure %v)", out, want, fl)
		}
	}
}

func TestAlways(t *testing.T) {
	i := 0
	var d claim.Dist[int]
	out, f := capture(t, func() {
		d = claim.Always("at most 3", 6, func() int { i++; return i % 4 }, func(n int) bool { return n <= 3 })
	})
	if f != nil || out != "✓ at most 3\n" {
		t.Fatalf("out %q, failure %v", out, f)
	}
	if d.Runs() != 6 || d.Min() != 0 || d.Max() != 3 || d.Count(1) != 2 || d.String() != "0×1 1×2 2×2 3×1" {
		t.Fatalf("dist %v (runs %d)", d, d.Runs())
	}
	out, f = capture(t, func() {
		claim.Always("below 2", 6, func() int { i++; return i % 4 }, func(n int) bool { return n < 2 })
	})
	if f == nil || !strings.HasPrefix(out, "✗ below 2 — 3 of 6 runs") {
		t.Fatalf("out %q, failure %v", out, f)
	}
}

func TestDistString(t *testing.T) {
	i := 0
	d := claim.Sample(20, func() int { i++; return i })
	if got := d.String(); got != "1×1 2×1 3×1 4×1 5×1 6×1 … (10 values) … 17×1 18×1 19×1 20×1" {
		t.Fatalf("%q", got)
	}
	var empty claim.Dist[string]
	if empty.Min() != "" || empty.String() != "" || empty.Runs() != 0 {
		t.Fatal("zero Dist")
	}
}

// Lines of claims made by many goroutines at once never mix.
func TestConcurrentLines(t *testing.T) {
	out, _ := capture(t, func() {
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 50 {
					claim.That("a fairly long statement that takes a while to write", true)
				}
			}()
		}
		wg.Wait()
	})
	lines := claim.Scan(out)
	if len(lines) != 400 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if !l.OK || l.Statement != "a fairly long statement that takes a while to write" {
			t.Fatalf("mixed line %q", l.Statement)
		}
	}
}

func TestScan(t *testing.T) {
	got := claim.Scan("hello\n✓ one\r\n  ✓ indented is not a claim\n✗ two — why\nx ✗ no\n✓ three")
	want := []claim.Line{{"one", true}, {"two — why", false}, {"three", true}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
