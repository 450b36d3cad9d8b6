package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

const loadParentEnv = "FEARLESS_TEST_LOAD_PARENT"

// loadParent starts a load, says its pid, and waits to be killed.
func loadParent() {
	_, pid, err := startLoad(1)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println(pid)
	select {}
}

// cpuTicks is the user+system time the process has used, and whether it is
// still running (not gone, not a zombie).
func cpuTicks(pid int) (ticks int, alive bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b)[strings.LastIndexByte(string(b), ')')+2:])
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s, f[0] != "Z"
}

// eventually polls cond until it holds; the deadline is a safety net, not a
// measurement.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after 30 s: %s", what)
		}
	}
}

// The load is a separate process that burns CPU, and stops when told.
func TestLoadRunsAndStops(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc")
	}
	stop, pid, err := startLoad(1)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the load process used no CPU", func() bool { n, _ := cpuTicks(pid); return n > 0 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if _, alive := cpuTicks(pid); alive {
		t.Fatal("the load process outlived stop")
	}
}

// A run killed outright (SIGKILL: no deferred call runs) takes its load
// with it.
func TestLoadDiesWithItsParent(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	parent := exec.Command(self, "-test.run=^$")
	parent.Env = append(os.Environ(), loadParentEnv+"=1")
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	pid, perr := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || perr != nil {
		parent.Process.Kill()
		parent.Wait()
		t.Fatalf("the parent said %q (%v)", line, err)
	}
	if _, alive := cpuTicks(pid); !alive {
		t.Fatal("the load is not running")
	}
	parent.Process.Kill()
	parent.Wait()
	eventually(t, "the load outlived its killed parent", func() bool { _, alive := cpuTicks(pid); return !alive })
}

func TestBusyRefusesBadInput(t *testing.T) {
	if code := runBusy([]string{"zero"}, strings.NewReader("")); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if code := runBusy([]string{"2"}, strings.NewReader("")); code != 0 {
		t.Fatalf("exit %d", code)
	}
}
