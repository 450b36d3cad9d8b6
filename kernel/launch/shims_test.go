package launch

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestShimName(t *testing.T) {
	for argv0, want := range map[string]string{"/k/bin/shim/go": "go", "goimports": "goimports", "/k/bin/shim/gopls": "gopls", "/k/bin/fearless": "", "gofmt": ""} {
		if got := ShimName(argv0); got != want {
			t.Errorf("ShimName(%q) = %q, want %q", argv0, got, want)
		}
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestImportsSettled(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]bool{
		// every import used, nothing else needed
		"package main\nimport (\n\t\"fmt\"\n\t\"github.com/x/y/thread\"\n)\nfunc main() { m := thread.New(); m.Lock(); fmt.Println(len(\"a\"), m) }": true,
		"package main\nimport \"math/rand/v2\"\nfunc main() { _ = rand.N(3) }":                                                                       true,
		"package main\nimport _ \"embed\"\ntype T struct{ A int }\nfunc main() { var t T; t.A = 1; _ = t }":                                          true,
		// fmt used, not imported
		"package main\nfunc main() { fmt.Println(1) }": false,
		// an import no one uses (memorized from an earlier cell)
		"package main\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\nfunc main() { fmt.Println(1) }": false,
		// a name goimports might know
		"package main\nfunc main() { x := Unknown; _ = x }": false,
		// a package whose name the path does not tell
		"package main\nimport \"github.com/go-echarts/go-echarts/v2\"\nfunc main() {}": false,
		// does not parse
		"package main\nfunc main() {": false,
	} {
		file := filepath.Join(dir, "main.go")
		writeFile(t, file, src)
		if got := ImportsSettled(file); got != want {
			t.Errorf("ImportsSettled(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestGetSettled(t *testing.T) {
	t.Setenv("GOROOT", runtime.GOROOT())
	dir := t.TempDir()
	cell, ws := filepath.Join(dir, "cell"), filepath.Join(dir, "ws")
	writeFile(t, filepath.Join(cell, "go.mod"), "module gonb_1\n\ngo 1.26\n\nrequire example.com/own v1.0.0\n")
	writeFile(t, filepath.Join(cell, "go.work"), "go 1.26\n\nuse (\n\t.\n\t"+ws+"\n)\n")
	writeFile(t, filepath.Join(ws, "go.mod"), "module fearless.local/cells\n\nrequire github.com/fearless-go/fearless v0.0.0\n\nrequire (\n\tgithub.com/janpfeifer/gonb v0.11.5\n)\n")
	for src, want := range map[string]bool{
		"package main\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n":                    true,
		"package main\nimport \"github.com/fearless-go/fearless/helpers/thread\"\n": true,
		"package main\nimport \"github.com/janpfeifer/gonb/gonbui\"\n":              true,
		"package main\nimport \"example.com/own/pkg\"\n":                            true,
		"package main\nimport \"github.com/someone/else\"\n":                        false,
		"package main\nimport \"nosuchstd/pkg\"\n":                                  false,
		"package main\nimport \"github.com/fearless-go/fearlessness\"\n":            false,
		"package main\nimport \"fmt\"\nfunc main() {\n":                             true, // imports parse
	} {
		writeFile(t, filepath.Join(cell, "main.go"), src)
		if got := GetSettled(cell, false); got != want {
			t.Errorf("GetSettled with %q = %v, want %v", src, got, want)
		}
	}
	// A test file counts with -t only.
	writeFile(t, filepath.Join(cell, "main.go"), "package main\n")
	writeFile(t, filepath.Join(cell, "main_test.go"), "package main\nimport \"github.com/someone/else\"\n")
	if !GetSettled(cell, false) || GetSettled(cell, true) {
		t.Error("GetSettled and main_test.go")
	}
	// Without go.mod: unsure.
	if GetSettled(t.TempDir(), false) {
		t.Error("GetSettled without go.mod")
	}
}
