package launch

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// RootEnv is the environment variable that tells cells (and the charts
// package) where the module's checkout is.
const RootEnv = "FEARLESS_ROOT"

// RawErrorEnv, when set to 1 in the kernel's environment, makes gonb report
// compile and run errors as plain text instead of HTML (for headless runs).
const RawErrorEnv = "FEARLESS_RAW_ERROR"

// VerbosityEnv, when set to a number in the kernel's environment, raises
// gonb's log verbosity to it (gonb's -v flag). gonb logs to the Jupyter
// server's terminal: at 2 it says what it does with every message and cell,
// which is where to look when a cell seems stuck.
const VerbosityEnv = "FEARLESS_KERNEL_VERBOSITY"

// Config is what the launcher needs to start gonb.
type Config struct {
	ConnectionFile string   // the {connection_file} from Jupyter
	Root           string   // module root: the go.work seed and FEARLESS_ROOT
	GoRoot         string   // Go installation whose bin/go cells are built with
	BinDir         string   // directory holding gonb, goimports and gopls
	Shim           bool     // put BinDir/shim (the gopls shim) first on PATH
	GonbArgs       []string // extra gonb flags (after -- on the command line)
	// Workspace, when set, is the directory gonb's go.work uses in place of
	// Root: the module CellsWorkspace writes there.
	Workspace string
}

// Parse reads the launcher's command line:
//
//	--connection-file FILE --root DIR [--goroot DIR] [--bin DIR] [-- gonb flags...]
//
// BinDir defaults to the directory of the running executable.
func Parse(args []string, stderr io.Writer) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("fearless kernel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.ConnectionFile, "connection-file", "", "Jupyter connection file (Jupyter passes {connection_file})")
	fs.StringVar(&c.Root, "root", "", "root of the fearless checkout the kernel serves")
	fs.StringVar(&c.GoRoot, "goroot", "", "Go installation to put on PATH (default: keep PATH as it is)")
	fs.StringVar(&c.BinDir, "bin", "", "directory with gonb, goimports and gopls (default: next to this program)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fearless kernel --connection-file FILE --root DIR [--goroot DIR] [--bin DIR] [-- gonb flags]")
		fmt.Fprintln(stderr, "Started by Jupyter through the fearless kernelspec; not meant to be run by hand.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.GonbArgs = fs.Args()
	if c.ConnectionFile == "" || c.Root == "" {
		fs.Usage()
		return c, errors.New("fearless kernel: --connection-file and --root are required")
	}
	if c.BinDir == "" {
		exe, err := os.Executable()
		if err != nil {
			return c, fmt.Errorf("fearless kernel: %w", err)
		}
		c.BinDir = filepath.Dir(exe)
	}
	if _, err := os.Stat(filepath.Join(c.BinDir, ShimDir, "gopls")); err == nil {
		c.Shim = true
	}
	return c, nil
}

// Command returns the program to run, its argv and its environment, given
// the launcher's environment.
func (c Config) Command(environ []string) (path string, argv, env []string) {
	path = filepath.Join(c.BinDir, "gonb")
	work := c.Root
	if c.Workspace != "" {
		work = c.Workspace
	}
	argv = []string{path, "--kernel", c.ConnectionFile, "--go_work=" + work}
	pathDirs := []string{c.BinDir}
	if c.Shim {
		pathDirs = append([]string{filepath.Join(c.BinDir, ShimDir)}, pathDirs...)
	}
	if c.GoRoot != "" {
		pathDirs = append(pathDirs, filepath.Join(c.GoRoot, "bin"))
	}
	raw, verbosity, goflags := false, 0, ""
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "PATH":
			if v != "" {
				pathDirs = append(pathDirs, v)
			}
		case RootEnv:
		case RawErrorEnv:
			raw = v == "1"
			env = append(env, kv)
		case VerbosityEnv:
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				verbosity = n
			}
			env = append(env, kv)
		case "GOFLAGS":
			goflags = v
		default:
			env = append(env, kv)
		}
	}
	if raw {
		argv = append(argv, "--raw_error")
	}
	if verbosity > 0 {
		argv = append(argv, "-v="+strconv.Itoa(verbosity))
	}
	argv = append(argv, c.GonbArgs...)
	env = append(env, "GOFLAGS="+cellFlags(goflags))
	if c.GoRoot != "" {
		env = append(env, RealGoEnv+"="+filepath.Join(c.GoRoot, "bin", "go"))
	}
	env = append(env, "PATH="+strings.Join(pathDirs, string(os.PathListSeparator)), RootEnv+"="+c.Root)
	return path, argv, env
}

// pureGoTags build os/user and net without cgo. A program that links cgo
// never gets Go's "all goroutines are asleep - deadlock!" report (the runtime
// cannot tell whether C code will call back in), and os/user comes in with
// gonbui, which charts and checks use: without these tags every cell that
// shows a chart or a check would hang on a plain deadlock instead of failing.
// Cells built with %goflags -race still link cgo (the race detector needs it).
var pureGoTags = []string{"osusergo", "netgo"}

// cellFlags is the GOFLAGS gonb builds cells with: the user's, less -mod=mod
// and -mod=vendor (gonb builds every cell in a Go workspace, where the go
// command rejects them: "-mod may only be set to readonly or vendor when in
// workspace mode"), with pureGoTags added to the user's build tags, and
// -ldflags=-s unless the user gives -ldflags.
//
// -s (which implies -w) links without the symbol table and DWARF: the link
// is most of a cell's time, and these are what a notebook never reads.
// Panics, runtime.Callers (the helpers' call sites) and the race detector's
// reports read the pclntab, which stays. A debugger needs DWARF: a cell's
// own flags win over GOFLAGS, so `%goflags -ldflags=` brings it back.
func cellFlags(goflags string) string {
	var keep []string
	tags := append([]string(nil), pureGoTags...)
	ldflags := false
	for _, f := range strings.Fields(goflags) {
		ldflags = ldflags || strings.HasPrefix(f, "-ldflags") || strings.HasPrefix(f, "--ldflags")
		switch {
		case strings.HasPrefix(f, "-mod=") && f != "-mod=readonly":
			continue
		case strings.HasPrefix(f, "-tags="):
			for _, t := range strings.Split(strings.TrimPrefix(f, "-tags="), ",") {
				if t != "" && !slices.Contains(tags, t) {
					tags = append(tags, t)
				}
			}
			continue
		}
		keep = append(keep, f)
	}
	if !ldflags {
		keep = append(keep, "-ldflags=-s")
	}
	return strings.Join(append(keep, "-tags="+strings.Join(tags, ",")), " ")
}
