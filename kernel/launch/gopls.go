package launch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ShimDir is the subdirectory of the kernel's bin directory holding the
// gopls shim: a link to the fearless binary named gopls, first on PATH.
const ShimDir = "shim"

// GoplsIdleTimeout is how long the kernel's gopls lives without a client.
// gonb starts gopls in a process group of its own and stops it when it shuts
// down cleanly; when gonb is killed instead, nothing would stop gopls, so
// the shim starts it with -listen.timeout and it exits once gonb is gone.
const GoplsIdleTimeout = time.Minute

// GoplsIdleTimeoutEnv overrides GoplsIdleTimeout (a Go duration), e.g. for
// tests that check gopls goes away.
const GoplsIdleTimeoutEnv = "FEARLESS_GOPLS_IDLE_TIMEOUT"

// GoplsNice is the nice value the kernel's gopls runs at. gopls loads the
// helpers and charts as soon as the kernel starts, which is when a learner's
// first cell builds: the build should come first. Measured by
// BenchmarkLatency on 2 cores, the first helper cell took 0.49–0.51 s at
// nice 0 and 0.41–0.46 s at 4; beside two CPU-bound processes, 4 kept the
// first completion under 0.8 s, where 10 starved gopls to 2–3 s.
const GoplsNice = 4

// IsGoplsShim reports whether the running program was started as the gopls
// shim (argv[0] names gopls).
func IsGoplsShim(argv0 string) bool {
	name := strings.TrimSuffix(filepath.Base(argv0), ".exe")
	return name == "gopls"
}

// GoplsArgs returns gopls's arguments with the idle timeout added when gopls
// is started as a server (-listen) without one.
func GoplsArgs(args []string) []string {
	listen, timeout := false, false
	for _, a := range args {
		switch {
		case a == "-listen" || a == "--listen" || strings.HasPrefix(a, "-listen=") || strings.HasPrefix(a, "--listen="):
			listen = true
		case strings.HasPrefix(strings.TrimLeft(a, "-"), "listen.timeout"):
			timeout = true
		}
	}
	if !listen || timeout {
		return args
	}
	idle := GoplsIdleTimeout
	if d, err := time.ParseDuration(os.Getenv(GoplsIdleTimeoutEnv)); err == nil && d > 0 {
		idle = d
	}
	return append([]string{"-listen.timeout=" + idle.String()}, args...)
}

// RunGoplsShim runs the real gopls, which sits in the directory of the
// fearless binary the shim links to. Started as a server (-listen), as gonb
// starts it, the shim stays in front of gopls, noting each completion's
// items for the kernel's proxy (CompletionsEnv); otherwise the shim is
// replaced by gopls.
func RunGoplsShim(args []string) error {
	exe, err := os.Executable() // resolves the link to bin/fearless
	if err != nil {
		return fmt.Errorf("fearless gopls shim: %w", err)
	}
	real := filepath.Join(filepath.Dir(exe), "gopls")
	if _, err := os.Stat(real); err != nil {
		return fmt.Errorf("fearless gopls shim: gopls is missing (%w); run `fearless install` again", err)
	}
	args = GoplsArgs(args)
	env := os.Environ()
	if network, addr, at, ok := listenAddr(args); ok {
		return serveGoplsProxy(real, args, env, network, addr, at)
	}
	return run(real, append([]string{real}, args...), env)
}
