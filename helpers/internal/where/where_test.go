package where_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/where"
	"github.com/fearless-go/fearless/helpers/mutex"
)

// gonbMain is what gonb generates for cell [3] (declarations carried over
// from cell [2]) followed by cell [3]'s %% body, reformatted.
const gonbMain = `package main

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/mutex"
)

func transfer(a, b *mutex.Mutex[int]) {
	ga, _ := a.Lock()
	defer ga.Unlock()
	gb, _ := b.Lock()
	defer gb.Unlock()
}

func main() {
	flag.Parse()
	a, b := mutex.New(1), mutex.New(2)
	transfer(a, b)
	transfer(b, a)
	fmt.Println("done")
}
`

var cells = []map[string]any{
	{"execution_count": 1, "code": "import \"fmt\""},
	{"execution_count": 2, "code": "func transfer(a, b *mutex.Mutex[int]) {\n    ga, _ := a.Lock()\n    defer ga.Unlock()\n    gb, _ := b.Lock()\n    defer gb.Unlock()\n}"},
	{"execution_count": 3, "code": "%%\na, b := mutex.New(1),mutex.New(2)\ntransfer(a, b)\ntransfer(b, a)\nfmt.Println(\"done\")"},
}

// fakeGonb lays out a gonb temp dir with main.go and, if withCells, a
// FEARLESS_CELLS file, and points the environment at them.
func fakeGonb(t *testing.T, withCells bool) string {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.go")
	if err := os.WriteFile(main, []byte(gonbMain), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GONB_TMP_DIR", dir)
	t.Setenv("FEARLESS_CELLS", "")
	if withCells {
		b, _ := json.Marshal(map[string]any{"cells": cells})
		path := filepath.Join(t.TempDir(), "cells.json")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv("FEARLESS_CELLS", path)
	}
	return main
}

func line(t *testing.T, text string) int {
	for i, l := range strings.Split(gonbMain, "\n") {
		if strings.TrimSpace(l) == text {
			return i + 1
		}
	}
	t.Fatalf("no line %q", text)
	return 0
}

func TestCellLines(t *testing.T) {
	main := fakeGonb(t, true)
	for _, c := range []struct{ text, want, code string }{
		{"gb, _ := b.Lock()", "cell [2] line 4", "gb, _ := b.Lock()"},
		{"transfer(b, a)", "cell [3] line 4", "transfer(b, a)"},
		// gofmt added spaces; the match ignores whitespace.
		{"a, b := mutex.New(1), mutex.New(2)", "cell [3] line 2", "a, b := mutex.New(1),mutex.New(2)"},
	} {
		loc, code := where.Source(main, line(t, c.text))
		if loc != c.want || code != c.code {
			t.Errorf("%q: got %q %q, want %q %q", c.text, loc, code, c.want, c.code)
		}
	}
	// A line gonb wrote itself maps to no cell.
	if got := where.Format(main, line(t, "flag.Parse()")); got != "main.go line "+itoa(line(t, "flag.Parse()")) {
		t.Errorf("gonb's own line: %q", got)
	}
}

// Two cells with the same line: the neighbours decide, then the newest.
func TestTiesGoToNeighboursThenNewest(t *testing.T) {
	main := fakeGonb(t, true)
	cells = append(cells,
		map[string]any{"execution_count": 4, "code": "%%\nx := 1\ndefer gb.Unlock()"},
		map[string]any{"execution_count": 5, "code": "func transfer(a, b *mutex.Mutex[int]) {\n    ga, _ := a.Lock()\n    defer ga.Unlock()\n    gb, _ := b.Lock()\n    defer gb.Unlock()\n}"},
	)
	defer func() { cells = cells[:3] }()
	main = fakeGonb(t, true)
	if got := where.Format(main, line(t, "defer gb.Unlock()")); got != "cell [5] line 5" {
		t.Errorf("got %q, want the newest cell with matching neighbours", got)
	}
}

func TestWithoutCellsFile(t *testing.T) {
	main := fakeGonb(t, false)
	n := line(t, "transfer(b, a)")
	if got := where.Format(main, n); got != "main.go line "+itoa(n) {
		t.Errorf("got %q", got)
	}
	// Never "main.go:N": gonb's stderr parser would take it for a compile error.
	if strings.Contains(where.Format(main, n), "main.go:") {
		t.Error("main.go: in a location")
	}
}

func TestOutsideGonb(t *testing.T) {
	t.Setenv("GONB_TMP_DIR", "")
	if got := where.Format("/src/app/worker.go", 12); got != "worker.go:12" {
		t.Errorf("got %q", got)
	}
}

func TestRefuseNamesTheCaller(t *testing.T) {
	t.Setenv("GONB_TMP_DIR", "")
	m := where.Refuse("mutex: guard used after Unlock (Rust rejects this)")
	if !strings.HasPrefix(m.Error(), "mutex: guard used after Unlock at where_test.go:") || !strings.HasSuffix(m.Error(), " (Rust rejects this)") {
		t.Errorf("got %q", m.Error())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A Later panic finds the line that raised it when its message is read
// while the panic is in flight, and Fix keeps that line.
func TestLaterFindsItsLineWhileInFlight(t *testing.T) {
	t.Setenv("GONB_TMP_DIR", "")
	var msg string
	var fixed any
	var line int
	func() {
		defer func() {
			r := recover()
			msg = r.(error).Error()
			fixed = where.Fix(r)
		}()
		_, _, line, _ = runtime.Caller(0)
		panic(where.Later("mutex: guard used after Unlock (Rust rejects this)"))
	}()
	want := "mutex: guard used after Unlock at where_test.go:" + strconv.Itoa(line+1) + " (Rust rejects this)"
	if msg != want {
		t.Errorf("read in flight: %q, want %q", msg, want)
	}
	if m, ok := fixed.(*where.Misuse); !ok || m.Error() != want {
		t.Errorf("fixed: %v", fixed)
	}
}

// A re-raise on the way out (charts.Show does one, so may the learner) does
// not move a Later panic's line to the re-raise.
func TestLaterSurvivesAReraise(t *testing.T) {
	t.Setenv("GONB_TMP_DIR", "")
	var msg string
	var line int
	func() {
		defer func() { msg = recover().(error).Error() }()
		defer func() { panic(recover()) }() // a re-raise
		m := mutex.New(0)
		g, _ := m.Lock()
		g.Unlock()
		_, _, line, _ = runtime.Caller(0)
		g.Get() // the guard's check raises a Later
	}()
	if want := "where_test.go:" + strconv.Itoa(line+1); !strings.Contains(msg, want) {
		t.Errorf("read after a re-raise: %q, want %s", msg, want)
	}
}

// The location goes where the reader needs it: after the call it names, not
// after a clause about something else ("but it was created on ...").
func TestMisuseMessageShape(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"mutex: guard used after Unlock (Rust says so)", "mutex: guard used after Unlock at cell [5] line 12 (Rust says so)"},
		{"own: moved into thread t at cell [5] line 3 (Rust says so)", "own: moved into thread t at cell [5] line 3, used at cell [5] line 12 (Rust says so)"},
		{`rc: Get called on goroutine "w", but the Rc was created on goroutine "main" (Rust says so)`,
			`rc: Get called on goroutine "w" at cell [5] line 12, but the Rc was created on goroutine "main" (Rust says so)`},
	} {
		m := &where.Misuse{Msg: c.msg, At: "cell [5] line 12"}
		if got := m.Error(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
