package launch

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// RunAs runs prog with args as the user RunAsEnv names, in place of this
// process (RunAsCommand; the kernel's go shim makes every cell's program
// start through it). As root, before it drops to that user, it lets the
// user reach what the program needs and nothing else: the folders from the
// sandbox's root down to the program and to gonb's cell folder become
// traversable (not listable), the program and its main.go readable, gonb's
// pipes (rich output) the user's; the cells file (FEARLESS_CELLS) and the
// charts' library are copied where the user can read them. It never
// changes a permission outside the sandbox's root.
func RunAs(prog string, args []string) error {
	spec, err := ParseRunAs(os.Getenv(RunAsEnv))
	if err != nil {
		return err
	}
	if os.Geteuid() != 0 {
		return fmt.Errorf("%s: the grader is not root, it cannot run the program as user %d", RunAsCommand, spec.UID)
	}
	prog, err = filepath.Abs(prog)
	if err != nil {
		return err
	}
	inside := func(p string) bool {
		rel, err := filepath.Rel(spec.Root, p)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
	}
	// Traversable folders, from the root down (never above it).
	reach := func(dir string) error {
		if !inside(dir) {
			return nil
		}
		for d := dir; inside(d); d = filepath.Dir(d) {
			st, err := os.Stat(d)
			if err != nil {
				return err
			}
			if err := os.Chmod(d, st.Mode().Perm()|0o001); err != nil {
				return err
			}
			if d == spec.Root {
				break
			}
		}
		return nil
	}
	readable := func(file string) error {
		if !inside(file) {
			return nil
		}
		st, err := os.Stat(file)
		if err != nil {
			return err
		}
		return os.Chmod(file, st.Mode().Perm()|0o004)
	}
	if !inside(prog) {
		return fmt.Errorf("%s: %s is outside the sandbox %s", RunAsCommand, prog, spec.Root)
	}
	if err := reach(filepath.Dir(prog)); err != nil {
		return err
	}
	if err := os.Chmod(prog, 0o755); err != nil {
		return err
	}
	// The environment gonb gave this process, as given: helpers/check,
	// which the fearless binary links, takes its signing key out of
	// os.Environ in its init (it believes this is a cell's program: gonb's
	// pipe is in the environment); the program must get it.
	env := initialEnv()
	if dir := os.Getenv("GONB_TMP_DIR"); dir != "" && inside(dir) {
		if err := reach(dir); err != nil {
			return err
		}
		if err := readable(filepath.Join(dir, "main.go")); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	for _, name := range []string{"GONB_PIPE", "GONB_PIPE_BACK"} {
		if p := os.Getenv(name); p != "" && inside(p) {
			if err := reach(filepath.Dir(p)); err != nil {
				return err
			}
			if err := os.Chown(p, spec.UID, spec.GID); err != nil {
				return err
			}
		}
	}
	if cells := os.Getenv(cellsEnv); cells != "" {
		copyPath := filepath.Join(spec.Home, ".fearless-cells.json")
		if err := copyFile(cells, copyPath, spec); err == nil {
			env = setEnv(env, cellsEnv, copyPath)
		}
	}
	if lib, err := chartsLibrary(env); err == nil && lib != "" {
		copyPath := filepath.Join(spec.Root, "echarts.min.js")
		if _, err := os.Stat(copyPath); err != nil {
			err = copyFile(lib, copyPath, RunAsSpec{UID: 0, GID: 0})
			if err == nil {
				err = os.Chmod(copyPath, 0o644)
			}
		}
		if err == nil {
			env = setEnv(env, chartsLibraryEnv, copyPath)
		}
	}
	if err := reach(spec.Home); err != nil {
		return err
	}
	for k, v := range map[string]string{"HOME": spec.Home, "TMPDIR": spec.Home,
		"XDG_CACHE_HOME": filepath.Join(spec.Home, ".cache"), "XDG_CONFIG_HOME": filepath.Join(spec.Home, ".config")} {
		env = setEnv(env, k, v)
	}
	env = unsetEnv(env, RunAsEnv)
	if err := os.Chdir(spec.Home); err != nil {
		return err
	}
	if err := syscall.Setgroups([]int{}); err != nil {
		return fmt.Errorf("%s: setgroups: %w", RunAsCommand, err)
	}
	if err := syscall.Setgid(spec.GID); err != nil {
		return fmt.Errorf("%s: setgid %d: %w", RunAsCommand, spec.GID, err)
	}
	if err := syscall.Setuid(spec.UID); err != nil {
		return fmt.Errorf("%s: setuid %d: %w", RunAsCommand, spec.UID, err)
	}
	if os.Getuid() != spec.UID || os.Geteuid() != spec.UID {
		return fmt.Errorf("%s: still user %d after setuid %d", RunAsCommand, os.Geteuid(), spec.UID)
	}
	return syscall.Exec(prog, append([]string{prog}, args...), env)
}

// copyFile copies from to to, owned by owner's uid:gid (0:0 keeps root).
// to may be in a folder the user owns, where it could have planted a
// link: whatever is at to is removed, and the copy is created anew without
// following links (O_EXCL|O_NOFOLLOW) and given to the user through its own
// descriptor, so that root never writes or chowns anything else.
func copyFile(from, to string, owner RunAsSpec) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.Remove(to); err != nil && !os.IsNotExist(err) {
		return err
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Chown(owner.UID, owner.GID); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// unsetEnv removes key from env.
func unsetEnv(env []string, key string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// cellsEnv is kernel/proxy's CellsEnv: the file of the session's cells
// that helpers/internal/where reads for call-site lines.
const cellsEnv = "FEARLESS_CELLS"

// chartsLibraryEnv is charts.LibraryEnv: where the charts read ECharts.
const chartsLibraryEnv = "FEARLESS_ECHARTS_JS"

// chartsLibrary finds the ECharts library the charts would read (see
// charts.LibraryPath): $FEARLESS_ECHARTS_JS, else the checkout's copy.
func chartsLibrary(env []string) (string, error) {
	get := func(k string) string {
		for i := len(env) - 1; i >= 0; i-- {
			if v, ok := strings.CutPrefix(env[i], k+"="); ok {
				return v
			}
		}
		return ""
	}
	candidates := []string{get(chartsLibraryEnv)}
	if root := get(RootEnv); root != "" {
		candidates = append(candidates, filepath.Join(root, "charts", "web", "node_modules", "echarts", "dist", "echarts.min.js"))
	}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if st, err := os.Stat(c); err == nil && st.Mode().IsRegular() {
			return c, nil
		}
	}
	return "", os.ErrNotExist
}

// initialEnv is the environment the process started with
// (/proc/self/environ: what Go's Unsetenv never changes), else os.Environ.
func initialEnv() []string {
	data, err := os.ReadFile("/proc/self/environ")
	if err != nil || len(data) == 0 {
		return os.Environ()
	}
	var env []string
	for _, kv := range strings.Split(strings.TrimRight(string(data), "\x00"), "\x00") {
		if strings.Contains(kv, "=") {
			env = append(env, kv)
		}
	}
	return env
}
