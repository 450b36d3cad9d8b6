package launch

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// RunAsEnv asks the kernel to run every program it builds from cells as
// another user: "uid:gid:home:root". fearless grade sets it, when it runs
// as root, for each submission's kernel (kernel/grade): gonb and the go
// command keep the grader's user, and only the cells' programs — the
// learner's code — run as uid:gid, with home (a folder of theirs) as HOME,
// TMPDIR and working directory. root is the submission's sandbox: the
// only place whose permissions are changed so that the program can reach
// its own files (its binary, its source for call-site lines, gonb's pipes
// for rich output).
const RunAsEnv = "FEARLESS_RUN_AS"

// RunAsCommand is the hidden subcommand of the fearless binary that drops
// to the user RunAsEnv names and then runs a cell's program (see RunAs).
const RunAsCommand = "__run-as"

// RunAsSpec is RunAsEnv's value, parsed.
type RunAsSpec struct {
	UID, GID   int
	Home, Root string
}

// String formats s as RunAsEnv's value.
func (s RunAsSpec) String() string {
	return fmt.Sprintf("%d:%d:%s:%s", s.UID, s.GID, s.Home, s.Root)
}

// ParseRunAs parses RunAsEnv's value.
func ParseRunAs(v string) (RunAsSpec, error) {
	f := strings.SplitN(v, ":", 4)
	if len(f) != 4 {
		return RunAsSpec{}, fmt.Errorf("%s=%q: want uid:gid:home:root", RunAsEnv, v)
	}
	uid, err1 := strconv.Atoi(f[0])
	gid, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil || uid <= 0 || gid <= 0 || !filepath.IsAbs(f[2]) || !filepath.IsAbs(f[3]) {
		return RunAsSpec{}, fmt.Errorf("%s=%q: want uid:gid:home:root (a user other than root, absolute paths)", RunAsEnv, v)
	}
	return RunAsSpec{UID: uid, GID: gid, Home: filepath.Clean(f[2]), Root: filepath.Clean(f[3])}, nil
}

// builtBinary returns the program a go command writes (`go build -o X`,
// `go test -c -o X`), or "".
func builtBinary(args []string) string {
	if len(args) == 0 || args[0] != "build" && args[0] != "test" {
		return ""
	}
	for i, a := range args {
		if a == "-o" && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(a, "-o="); ok {
			return v
		}
	}
	return ""
}

// runGoAs runs the go command real with args as a child; when it built a
// program, the program is moved aside (X.prog) and X becomes a script
// that runs it through RunAsCommand, so that gonb, which runs X, runs the
// learner's code as the user RunAsEnv names.
func runGoAs(real string, args []string) error {
	// The go command will not overwrite what is not a program: the script
	// a previous build left goes first.
	if out := builtBinary(args); out != "" {
		if data, err := os.ReadFile(out); err == nil && strings.HasPrefix(string(data), "#!/bin/sh\n") && strings.Contains(string(data), " "+RunAsCommand+" ") {
			_ = os.Remove(out)
		}
	}
	cmd := exec.Command(real, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			os.Exit(exit.ExitCode())
		}
		return fmt.Errorf("fearless go shim: %w", err)
	}
	out := builtBinary(args)
	if out == "" || out == os.DevNull {
		return nil
	}
	if !filepath.IsAbs(out) {
		wd, err := os.Getwd()
		if err != nil {
			return fmt.Errorf("fearless go shim: %w", err)
		}
		out = filepath.Join(wd, out)
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("fearless go shim: %w", err)
	}
	if strings.ContainsAny(self+out, "'\n") {
		return fmt.Errorf("fearless go shim: cannot wrap %s: a quote or newline in a path", out)
	}
	if err := os.Rename(out, out+".prog"); err != nil {
		return fmt.Errorf("fearless go shim: %w", err)
	}
	script := fmt.Sprintf("#!/bin/sh\nexec '%s' %s '%s.prog' \"$@\"\n", self, RunAsCommand, out)
	if err := os.WriteFile(out, []byte(script), 0o755); err != nil {
		return fmt.Errorf("fearless go shim: %w", err)
	}
	return nil
}
