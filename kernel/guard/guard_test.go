package guard

import (
	"strings"
	"testing"
)

const decls = `import (
	"fmt"
	"os"

	"github.com/fearless-go/fearless/helpers/check"
)

func helper() int { return 1 }

type Box struct{ n int }

func (b *Box) Get() int { return b.n }`

const checkCell = `%%
ex := check.Exercise("x")
defer ex.Done()
fmt.Println(helper(), os.Args)`

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, sol, want string
		allow           []string
	}{
		{"honest", "import \"sync\"\n\nfunc Count() int {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tdefer mu.Unlock()\n\treturn helper() + len(fmt.Sprint(1))\n}", "", nil},
		{"helpers", "func Run() { h := thread.Spawn(func() int { return 1 }); h.Join(); _ = mutex.New(0) }", "", nil},
		{"explicit os", "import \"os\"\n\nfunc F() { os.Exit(0) }", "package os,", nil},
		{"allowed os", "import \"os\"\n\nfunc F() { os.Exit(0) }", "", []string{"os"}},
		{"os through another cell's import", "func F() { os.Exit(0) }", "package os,", nil},
		{"bare os", "func F() { _ = strings.ToUpper(\"\"); exec.Command(\"sh\") }", "package os/exec,", nil},
		{"check", "func F() { check.Exercise(\"x\") }", "helpers/check,", nil},
		{"the recorder", "import \"github.com/fearless-go/fearless/helpers/trace\"\n\nfunc F() { go func() { defer trace.Span(\"work\").End() }() }", "only they may write to it", nil},
		{"the recorder, bare", "func F() { trace.Reset() }", "trace, which", nil},
		{"renamed import", "import o \"os\"\n\nfunc F() { o.Exit(0) }", "package os,", nil},
		{"dot import", "import . \"reflect\"\n\nfunc F() { _ = TypeOf(1) }", "package reflect,", nil},
		{"unsafe", "import \"unsafe\"\n\nvar _ = unsafe.Sizeof(1)", "package unsafe,", nil},
		{"bare unsafe", "var _ = unsafe.Sizeof(1)", "package unsafe,", nil},
		{"cgo", "import \"C\"\n\nfunc F() {}", "cgo", nil},
		{"linkname", "import _ \"unsafe\"\n\n//go:linkname f runtime.f\nfunc f()", "directive", nil},
		{"gonb comment", "//gonb:%goflags -overlay=/tmp/o.json\nfunc F() {}", "//gonb:", nil},
		{"shell", "!touch /tmp/x\nfunc F() {}", "gonb command", nil},
		{"special", "%env A=1\nfunc F() {}", "gonb command", nil},
		{"shell in a raw string", "var s = `\n!touch /tmp/x\n`", "gonb command", nil},
		{"syscall in a closure", "var f = func() { syscall.Kill(1, 9) }", "package syscall,", nil},
		{"runtime/debug", "import \"runtime/debug\"\n\nvar _ = debug.Stack", "package runtime/debug,", nil},
		{"local shadows", "func F() int { os := struct{ Args int }{1}; return os.Args }", "", nil},
		{"rand v2", "func F() int { return rand.IntN(3) }", "", nil},
		{"crypto rand read", "func F() { rand.Read(nil); rand.Int(nil, nil) }", "package crypto/rand,", nil},
		{"typo", "func F() int { return foo.Bar() }", "package foo,", nil},
		{"does not parse", "func F( {", "does not parse", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cells := []Cell{{Source: decls}, {Source: tc.sol, Learner: true, Allow: tc.allow}, {Source: checkCell}}
			probs := Check(cells)
			got := ""
			if len(probs) > 0 {
				got = probs[0].Error()
			}
			if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCheckLine(t *testing.T) {
	probs := Check([]Cell{{Source: decls}, {Source: "// a comment\n\nfunc F() {\n\tos.Exit(0)\n}", Learner: true}})
	if len(probs) != 1 || probs[0].Line != 4 || probs[0].Cell != 1 {
		t.Fatalf("got %+v, want one problem at cell 1 line 4", probs)
	}
}

func TestDropRedeclared(t *testing.T) {
	cells := []Cell{{Source: decls}, {Source: "// mine\nfunc helper() int {\n\treturn 99\n}\n\nfunc (b Box) Get() int { return 7 }\n\nfunc Count() int { return helper() }", Learner: true}}
	out, dropped := DropRedeclared(cells)
	if len(dropped) != 2 || dropped[0].Name != "helper" || dropped[0].Line != 2 || dropped[1].Name != "Box.Get" {
		t.Fatalf("dropped %+v", dropped)
	}
	if strings.Contains(out[1], "99") || strings.Contains(out[1], "return 7") || !strings.Contains(out[1], "func Count") {
		t.Fatalf("after dropping:\n%s", out[1])
	}
	if n := strings.Count(out[1], "\n"); n != strings.Count(cells[1].Source, "\n") {
		t.Fatalf("lines moved: %d, want %d", n, strings.Count(cells[1].Source, "\n"))
	}
	if out[0] != decls {
		t.Fatal("the instructor's cell changed")
	}
}

// BenchmarkCheck is the check's cost for one submission's program: the
// sample's cells, beside parsing them alone (the least any check costs).
func BenchmarkCheck(b *testing.B) {
	cells := []Cell{{Source: decls}, {Source: "import \"sync\"\n\nfunc Count() int {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tdefer mu.Unlock()\n\treturn helper()\n}", Learner: true}, {Source: checkCell}}
	Prepare()
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if len(Check(cells)) != 0 {
				b.Fatal("refused")
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			_ = build(cells)
		}
	})
}
