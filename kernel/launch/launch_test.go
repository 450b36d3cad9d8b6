package launch

import (
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	c, err := Parse([]string{"--connection-file", "/run/kernel-1.json", "--root", "/src/fearless", "--goroot", "/go", "--bin", "/k/bin", "--", "-v=2"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{ConnectionFile: "/run/kernel-1.json", Root: "/src/fearless", GoRoot: "/go", BinDir: "/k/bin", GonbArgs: []string{"-v=2"}}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Parse = %+v, want %+v", c, want)
	}
	if _, err := Parse([]string{"--root", "/r"}, io.Discard); err == nil {
		t.Fatal("a missing --connection-file was accepted")
	}
	c, err = Parse([]string{"--connection-file", "c", "--root", "r"}, io.Discard)
	if err != nil || c.BinDir == "" || !filepath.IsAbs(c.BinDir) {
		t.Fatalf("default bin dir: %+v %v", c, err)
	}
}

func TestCommand(t *testing.T) {
	c := Config{ConnectionFile: "/run/k.json", Root: "/src", GoRoot: "/go", BinDir: "/k/bin"}
	path, argv, env := c.Command([]string{
		"PATH=/usr/bin:/bin", "HOME=/home/ada", "FEARLESS_ROOT=/elsewhere",
		"GOFLAGS=-mod=mod -trimpath", "FEARLESS_RAW_ERROR=1",
	})
	if path != "/k/bin/gonb" {
		t.Fatalf("path = %s", path)
	}
	wantArgv := []string{"/k/bin/gonb", "--kernel", "/run/k.json", "--go_work=/src", "--raw_error"}
	if !reflect.DeepEqual(argv, wantArgv) {
		t.Fatalf("argv = %q, want %q", argv, wantArgv)
	}
	got := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if _, dup := got[k]; dup {
			t.Fatalf("%s set twice in %q", k, env)
		}
		got[k] = v
	}
	want := map[string]string{
		"PATH":          "/k/bin:/go/bin:/usr/bin:/bin",
		"HOME":          "/home/ada",
		"FEARLESS_ROOT": "/src",
		"GOFLAGS":       "-trimpath -ldflags=-s -tags=osusergo,netgo",
		RawErrorEnv:     "1",
		RealGoEnv:       "/go/bin/go",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("env = %v, want %v", got, want)
	}
}

func TestCommandVerbosity(t *testing.T) {
	c := Config{ConnectionFile: "/run/k.json", Root: "/src", BinDir: "/k/bin"}
	for value, want := range map[string]string{"2": "-v=2", "0": "", "loud": "", "": ""} {
		_, argv, _ := c.Command([]string{VerbosityEnv + "=" + value})
		got := ""
		for _, a := range argv {
			if strings.HasPrefix(a, "-v") {
				got = a
			}
		}
		if got != want {
			t.Errorf("%s=%q: gonb flag %q, want %q (argv %q)", VerbosityEnv, value, got, want, argv)
		}
	}
}

func TestCellFlags(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "-ldflags=-s -tags=osusergo,netgo",
		"-mod=mod":                "-ldflags=-s -tags=osusergo,netgo",
		"-mod=vendor -race":       "-race -ldflags=-s -tags=osusergo,netgo",
		"-mod=readonly -trimpath": "-mod=readonly -trimpath -ldflags=-s -tags=osusergo,netgo",
		"-tags=gpu,netgo -v":      "-v -ldflags=-s -tags=osusergo,netgo,gpu",
		"-ldflags=-X=main.v=1":    "-ldflags=-X=main.v=1 -tags=osusergo,netgo",
	} {
		if got := cellFlags(in); got != want {
			t.Errorf("cellFlags(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGoplsShim(t *testing.T) {
	if !IsGoplsShim("/k/bin/shim/gopls") || IsGoplsShim("/k/bin/fearless") {
		t.Fatal("IsGoplsShim")
	}
	got := GoplsArgs([]string{"-listen", "unix;/tmp/s"})
	if strings.Join(got, " ") != "-listen.timeout=1m0s -listen unix;/tmp/s" {
		t.Fatalf("GoplsArgs = %q", got)
	}
	for _, args := range [][]string{{"version"}, {"-listen=:1", "-listen.timeout=5s"}} {
		if got := GoplsArgs(args); !reflect.DeepEqual(got, args) {
			t.Fatalf("GoplsArgs(%q) = %q", args, got)
		}
	}
	c := Config{ConnectionFile: "c", Root: "/r", BinDir: "/k/bin", Shim: true}
	_, _, env := c.Command([]string{"PATH=/usr/bin"})
	if !slices.Contains(env, "PATH=/k/bin/shim:/k/bin:/usr/bin") {
		t.Fatalf("env %q: the shim must come first on PATH", env)
	}
}

func TestOfflineEnv(t *testing.T) {
	env := offlineEnv([]string{"HOME=/h", "GOPROXY=https://goproxy.example"}, "https://goproxy.example", "/h/go/pkg/mod", "corp.example", "sum.golang.org",
		[]string{"github.com/janpfeifer/gonb", "golang.org/x/tools"})
	want := []string{"HOME=/h", "GOPROXY=file:///h/go/pkg/mod/cache/download,https://goproxy.example",
		"GONOSUMDB=corp.example,github.com/janpfeifer/gonb,golang.org/x/tools"}
	if !reflect.DeepEqual(env, want) {
		t.Fatalf("offlineEnv = %q, want %q", env, want)
	}
	if got := offlineEnv([]string{"A=1"}, "off", "/m", "", "sum.golang.org", nil); !reflect.DeepEqual(got, []string{"A=1"}) {
		t.Fatalf("GOPROXY=off must stay as it is: %q", got)
	}
	got := offlineEnv(nil, "file:///m/cache/download,direct", "/m", "", "off", []string{"x.example"})
	if !reflect.DeepEqual(got, []string{"GOPROXY=file:///m/cache/download,direct"}) {
		t.Fatalf("cache already first, no checksum database: %q", got)
	}
	mods := pinnedModules("../../go.sum")
	if !slices.Contains(mods, "github.com/janpfeifer/gonb") || len(mods) != len(slices.Compact(slices.Clone(mods))) {
		t.Fatalf("pinnedModules: %q", mods)
	}
}
