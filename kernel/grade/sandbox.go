package grade

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/fearless-go/fearless/kernel/launch"
)

// RunEnv is the variable that marks every process a submission's run
// starts (its kernel, cell programs, whatever they fork): at the end the
// grader kills every process that carries the run's mark, also those that
// left the kernel's process group.
const RunEnv = "FEARLESS_GRADE_RUN"

// sandbox is one submission's place to run: a fresh working directory, and
// a private HOME and TMPDIR, removed afterwards. The Go build and module
// caches stay shared (a cold build per submission would cost minutes).
//
// With a uid (the grader runs as root), the programs built from the
// submission's cells run as that user (launch.RunAsEnv): its own folder
// ("user") is their HOME, TMPDIR and working directory, and the sandbox's
// root is traversable, not listable, so that they reach their own binary
// and source and nothing of the grader's.
type sandbox struct {
	dir   string
	token string
	uid   int // 0: the grader's own user
}

func newSandbox(uid int) (*sandbox, error) {
	dir, err := os.MkdirTemp("", "fearless-grade-")
	if err != nil {
		return nil, err
	}
	s := &sandbox{dir: dir, token: newKey()[:24], uid: uid}
	for _, d := range []string{"work", "home", "tmp"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if uid != 0 {
		user := filepath.Join(dir, "user")
		err := os.Mkdir(user, 0o700)
		if err == nil {
			err = os.Chown(user, uid, uid)
		}
		if err == nil {
			err = os.Chmod(dir, 0o711)
		}
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	return s, nil
}

// notebookPath is where the kernel believes the notebook is: its working
// directory is the sandbox's work directory.
func (s *sandbox) notebookPath() string { return filepath.Join(s.dir, "work", "submission.ipynb") }

// env is the kernel's environment on top of the grader's.
func (s *sandbox) env() []string {
	home := filepath.Join(s.dir, "home")
	env := append([]string{}, goEnv()...)
	env = append(env,
		"HOME="+home, "TMPDIR="+filepath.Join(s.dir, "tmp"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		RunEnv+"="+s.token)
	if s.uid != 0 {
		env = append(env, launch.RunAsEnv+"="+launch.RunAsSpec{UID: s.uid, GID: s.uid, Home: filepath.Join(s.dir, "user"), Root: s.dir}.String())
	}
	return env
}

// firstSubmissionUID is the first of the users submissions run as when the
// grader is root: ids no account uses (far above any distribution's
// ranges), one per submission, so that two submissions graded at once
// cannot reach each other's processes either.
const firstSubmissionUID = 0x3f000000

var submissionSeq atomic.Uint32

// dropTo returns the user the next submission runs as: 0 (the grader's
// own) unless the grader is root on Linux and Options.SameUser is off.
func (g *grader) dropTo() int {
	if !canDrop() || g.opts.SameUser {
		return 0
	}
	n := submissionSeq.Add(1) % 1024
	return firstSubmissionUID + (os.Getpid()%16384)*1024 + int(n)
}

// close kills what is left of the run and removes the sandbox.
func (s *sandbox) close() error {
	killMarked(s.token)
	reapOrphans()
	return os.RemoveAll(s.dir)
}

var (
	goEnvOnce sync.Once
	goEnvVals []string
)

// goEnv pins the Go settings that a private HOME would change (the build
// and module caches, and whatever `go env -w` set) to the grader's values.
func goEnv() []string {
	goEnvOnce.Do(func() {
		keys := []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GOFLAGS", "GOTOOLCHAIN"}
		out, err := exec.Command("go", append([]string{"env"}, keys...)...).Output()
		if err != nil {
			return
		}
		vals := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
		for i, k := range keys {
			if i < len(vals) && vals[i] != "" {
				goEnvVals = append(goEnvVals, k+"="+vals[i])
			}
		}
	})
	return goEnvVals
}

// killMarked kills every process whose environment carries the run's mark,
// a few rounds over (a process may fork while its parent is killed). Linux
// only (it reads /proc); elsewhere the kernel's process group is all that is
// stopped.
func killMarked(token string) int {
	mark := []byte(RunEnv + "=" + token + "\x00")
	killed := 0
	for range 5 {
		n := 0
		ents, err := os.ReadDir("/proc")
		if err != nil {
			return killed
		}
		for _, e := range ents {
			pid, err := strconv.Atoi(e.Name())
			if err != nil || pid == os.Getpid() {
				continue
			}
			env, err := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
			if err != nil || !bytes.Contains(append([]byte{0}, env...), append([]byte{0}, mark...)) {
				continue
			}
			if syscall.Kill(pid, syscall.SIGKILL) == nil {
				n++
			}
		}
		killed += n
		if n == 0 {
			break
		}
	}
	return killed
}
