package launch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// root is this checkout's module root.
func root(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func TestWarmPackages(t *testing.T) {
	pkgs := WarmPackages(root(t))
	for _, want := range []string{modulePath + "/charts", modulePath + "/helpers/thread", modulePath + "/helpers/mutex"} {
		if !slices.Contains(pkgs, want) {
			t.Errorf("WarmPackages misses %s: %q", want, pkgs)
		}
	}
	for _, p := range pkgs {
		if strings.Contains(p, "/internal") || strings.Contains(p, "/kernel") {
			t.Errorf("WarmPackages has %s, which cells do not import", p)
		}
	}
}

// A cell built in a workspace with CellsWorkspace's module (as gonb builds
// it: a module of its own, go.work, go get, go build) imports the helpers,
// the charts and modules the checkout requires, offline.
func TestCellsWorkspaceBuildsACell(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	r := root(t)
	dir := t.TempDir()
	ws, err := CellsWorkspace(filepath.Join(dir, "ws"), r, true)
	if err != nil {
		t.Fatal(err)
	}
	cell := filepath.Join(dir, "cell")
	if err := os.Mkdir(cell, 0o755); err != nil {
		t.Fatal(err)
	}
	main := `package main

import (
	"fmt"

	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/janpfeifer/gonb/gonbui"
)

func main() {
	h := thread.Spawn(func() int { return 42 })
	v, _ := h.Join()
	gonbui.Sync()
	fmt.Println(v)
}
`
	if err := os.WriteFile(filepath.Join(cell, "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd := func(args ...string) string {
		cmd := exec.Command("go", args...)
		cmd.Dir = cell
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-tags=osusergo,netgo", "GOWORK=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	goCmd("mod", "init", "gonb_test")
	goCmd("work", "init", ".", ws)
	goCmd("get")
	goCmd("build", "-o", "cell")
	if out, err := exec.Command(filepath.Join(cell, "cell")).CombinedOutput(); err != nil || string(out) != "42\n" {
		t.Fatalf("the cell: %q %v", out, err)
	}
	// gopls and gonb see the workspace: the cells' module and the small one,
	// never the checkout.
	work, err := os.ReadFile(filepath.Join(cell, "go.work"))
	if err != nil || bytes.Contains(work, []byte(r)) {
		t.Fatalf("go.work uses the checkout: %s %v", work, err)
	}
	warm, err := os.ReadFile(filepath.Join(ws, "warm.go"))
	if err != nil || !bytes.Contains(warm, []byte(`_ "github.com/fearless-go/fearless/helpers/thread"`)) {
		t.Fatalf("warm.go: %s %v", warm, err)
	}
	// Headless: nothing to warm.
	cold, err := CellsWorkspace(filepath.Join(dir, "cold"), r, false)
	if err != nil {
		t.Fatal(err)
	}
	if src, err := os.ReadFile(filepath.Join(cold, "warm.go")); err != nil || bytes.Contains(src, []byte("fearless/helpers")) {
		t.Fatalf("cold warm.go: %s %v", src, err)
	}
}

func TestRequireLines(t *testing.T) {
	got := requireLines("module m\n\ngo 1.26\n\nrequire a.b/c v1.0.0\n\nrequire (\n\td.e/f v0.1.0\n\t// note\n\tg.h/i v2.0.0 // indirect\n)\n\ntool x.y/z\n")
	want := "\ta.b/c v1.0.0\n\td.e/f v0.1.0\n\tg.h/i v2.0.0 // indirect\n"
	if got != want {
		t.Fatalf("requireLines = %q, want %q", got, want)
	}
	if v := goLine("module m\n\ngo 1.26.8\n"); v != "1.26.8" {
		t.Fatalf("goLine = %q", v)
	}
}

func TestListenAddr(t *testing.T) {
	for _, c := range []struct {
		args          []string
		network, addr string
		at            int
	}{
		{[]string{"-listen.timeout=1m0s", "-listen", "unix;/tmp/g/gopls_socket"}, "unix", "/tmp/g/gopls_socket", 2},
		{[]string{"-listen=127.0.0.1:4389"}, "tcp", "127.0.0.1:4389", 0},
		{[]string{"--listen", "tcp;localhost:0"}, "tcp", "localhost:0", 1},
		{[]string{"-listen", "/run/s"}, "unix", "/run/s", 1},
	} {
		network, addr, at, ok := listenAddr(c.args)
		if !ok || network != c.network || addr != c.addr || at != c.at {
			t.Errorf("listenAddr(%q) = %s %s %d %v", c.args, network, addr, at, ok)
		}
	}
	if _, _, _, ok := listenAddr([]string{"version"}); ok {
		t.Error("listenAddr found -listen in `gopls version`")
	}
}

// lsp frames an LSP message.
func lsp(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// The shim passes messages on byte for byte, and notes the items of a
// completion reply.
func TestCopyMessagesAndNotes(t *testing.T) {
	in := lsp(`{"jsonrpc":"2.0","id":7,"result":{"isIncomplete":false,"items":[`+
		`{"label":"Spawn","kind":3,"detail":"func(f func() T) *JoinHandle[T]","documentation":{"kind":"markdown","value":"Spawn starts f."},"textEdit":{"newText":"Spawn","range":{}}},`+
		`{"label":"count","kind":6,"detail":"int","documentation":"plain doc"}]}}`) +
		lsp(`{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"héllo"}}`) + "trailing"
	var out bytes.Buffer
	var seen []string
	notes := filepath.Join(t.TempDir(), "completions.json")
	copyMessages(&out, strings.NewReader(in), func(body []byte) {
		seen = append(seen, string(body))
		var m struct {
			Result json.RawMessage `json:"result"`
		}
		if json.Unmarshal(body, &m) == nil && len(m.Result) > 0 {
			noteCompletion(notes, m.Result)
		}
	})
	if out.String() != in {
		t.Fatalf("copyMessages changed the stream:\n%q\n%q", out.String(), in)
	}
	if len(seen) != 2 {
		t.Fatalf("saw %d messages", len(seen))
	}
	data, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	var items []CompletionItem
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	want := []CompletionItem{
		{Label: "Spawn", Kind: "function", Detail: "func(f func() T) *JoinHandle[T]", Documentation: "Spawn starts f.", Insert: "Spawn"},
		{Label: "count", Kind: "variable", Detail: "int", Documentation: "plain doc"},
	}
	if fmt.Sprint(items) != fmt.Sprint(want) {
		t.Fatalf("notes = %+v, want %+v", items, want)
	}
}

func TestLogFilter(t *testing.T) {
	in := "I1205 09:12:48.269671   25475 main.go:187] \x1b[7;39;32m[6e648a15]\x1b[0m Logging to extra logger configured\n" +
		"I1205 09:12:48.269733   25475 main.go:189] \x1b[7;39;32m[6e648a15]\x1b[0m Info message\n" +
		"W1205 09:12:48.269747   25475 main.go:190] \x1b[7;39;32m[6e648a15]\x1b[0m Warning message\n" +
		"E1205 09:12:48.269762   25475 main.go:191] \x1b[7;39;32m[6e648a15]\x1b[0m Error message\n" +
		"I1205 09:12:48.270224   25475 main.go:222] \x1b[7;39;32m[6e648a15]\x1b[0m kernel created\n" +
		"E1205 09:12:49.000000   25475 execcode.go:1] [6e648a15] Error message from a cell, kept\n" +
		"a last line"
	var out bytes.Buffer
	f := NewLogFilter(&out)
	for i := 0; i < len(in); i += 7 { // in pieces, as a pipe delivers
		if _, err := f.Write([]byte(in[i:min(i+7, len(in))])); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	want := "I1205 09:12:48.270224   25475 main.go:222] \x1b[7;39;32m[6e648a15]\x1b[0m kernel created\n" +
		"E1205 09:12:49.000000   25475 execcode.go:1] [6e648a15] Error message from a cell, kept\n" +
		"a last line"
	if out.String() != want {
		t.Fatalf("filtered:\n%q\nwant\n%q", out.String(), want)
	}
}
