package grade

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

var (
	reaperOnce sync.Once
	reaperOn   bool
)

// becomeReaper makes the grader the child subreaper of everything its
// kernels start (PR_SET_CHILD_SUBREAPER): a process that leaves its parent
// (setsid, double fork, an empty environment without the run's mark) is
// reparented to the grader instead of init, where reapOrphans finds it.
func becomeReaper() {
	reaperOnce.Do(func() {
		const prSetChildSubreaper = 36
		_, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0)
		reaperOn = errno == 0
	})
}

// reapOrphans kills every child of the grader that carries no run's mark
// — an escapee that cleared its environment and left its session, which
// the subreaper made the grader's child when its parent died — a few rounds
// over (its own children become the grader's when it dies), and reaps it.
// The kernels the grader starts carry their run's mark; its own tools run
// before any submission does (Grade starts them first).
func reapOrphans() int {
	if !reaperOn {
		return 0
	}
	self := os.Getpid()
	killed := 0
	for range 5 {
		n := 0
		ents, err := os.ReadDir("/proc")
		if err != nil {
			return killed
		}
		for _, e := range ents {
			pid, err := strconv.Atoi(e.Name())
			if err != nil || parentOf(pid) != self || marked(pid) {
				continue
			}
			if syscall.Kill(pid, syscall.SIGKILL) == nil {
				n++
				var ws syscall.WaitStatus
				_, _ = syscall.Wait4(pid, &ws, 0, nil)
			}
		}
		killed += n
		if n == 0 {
			break
		}
	}
	return killed
}

// marked reports whether a process carries a run's mark (or cannot be
// read: then it is left alone).
func marked(pid int) bool {
	env, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "environ"))
	if err != nil {
		return true
	}
	return bytes.Contains(append([]byte{0}, env...), []byte("\x00"+RunEnv+"="))
}

// parentOf reads a process's parent from /proc/PID/stat (0 when unknown).
func parentOf(pid int) int {
	raw, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0
	}
	s := string(raw)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(f[1])
	return ppid
}

// canDrop reports whether submissions can run as users of their own: the
// grader is root.
func canDrop() bool { return os.Geteuid() == 0 }
