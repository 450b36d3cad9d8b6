package runner

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/kernelspec"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// installed returns Options running the fearless kernel installed for the
// tests, offline, writing copies into a temporary directory.
func installed(t *testing.T) Options {
	t.Helper()
	spec := testenv.Kernel(t)
	return Options{
		OutDir: t.TempDir(),
		Env:    testenv.Offline,
		FindSpec: func(name string) (*kernelspec.Spec, error) {
			return kernelspec.FindIn([]string{filepath.Dir(spec.Dir)}, name)
		},
	}
}

func run(t *testing.T, opts Options, args ...string) *Summary {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := New(opts).Run(ctx, args)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func byPath(s *Summary, suffix string) *NotebookResult {
	for _, nb := range s.Notebooks {
		if strings.HasSuffix(nb.Path, suffix) {
			return nb
		}
	}
	return nil
}

func TestRunPassingAndFailingNotebooks(t *testing.T) {
	opts := installed(t)
	s := run(t, opts, "../testdata/pass", "../testdata/fail")
	if s.OK() || len(s.Notebooks) != 4 {
		t.Fatalf("summary: %+v", s.Totals())
	}

	hello := byPath(s, "hello.ipynb")
	if hello.Failed() {
		t.Fatalf("hello.ipynb failed: %v %q", hello.Err, (&Summary{Notebooks: []*NotebookResult{hello}}).Problems())
	}
	if len(hello.Cells) != 3 || hello.Cells[1].Stdout != "hello, world\nrecording: true\n" || hello.Cells[2].Stderr != "a line on stderr\n" {
		t.Fatalf("hello cells: %+v %+v", hello.Cells[1], hello.Cells[2])
	}
	for i, c := range hello.Cells {
		if c.ExecutionCount == nil || *c.ExecutionCount != i+1 {
			t.Fatalf("cell %d execution count %v", c.Index, c.ExecutionCount)
		}
	}
	if empty := hello.Notebook.Cells[4]; empty.ExecutionCount != nil || len(empty.Outputs) != 0 {
		t.Fatalf("the empty cell was run: %+v", empty)
	}

	expected := byPath(s, "expected-error.ipynb")
	if expected.Failed() || expected.Cells[0].Status != Failed || !expected.Cells[0].Allowed || expected.Cells[1].Status != OK {
		t.Fatalf("raises-exception: %+v %+v", expected.Cells[0], expected.Cells[1])
	}

	failing := byPath(s, "failing.ipynb")
	if !failing.Failed() || failing.Cells[1].Status != Failed || !strings.Contains(failing.Cells[1].Message(), "undefined: undefinedFunction") ||
		failing.Cells[2].Status != OK {
		t.Fatalf("failing.ipynb: %+v / %q / %+v", failing.Cells[1], failing.Cells[1].Message(), failing.Cells[2])
	}
	checkCompileError(t, s, failing)

	malformed := byPath(s, "malformed.ipynb")
	var pe *notebook.ParseError
	if !errors.As(malformed.Err, &pe) || !strings.Contains(malformed.Err.Error(), "malformed.ipynb:5:") || malformed.Output != "" {
		t.Fatalf("malformed.ipynb: %v", malformed.Err)
	}

	var copies []string
	for _, nb := range s.Notebooks {
		if nb.Output != "" {
			copies = append(copies, nb.Output)
		}
	}
	if len(copies) != 3 || !strings.HasPrefix(copies[0], opts.OutDir) {
		t.Fatalf("copies %q", copies)
	}
	testenv.ValidateNotebooks(t, copies...)
	back, err := notebook.Read(hello.Output)
	if err != nil || back.Cells[2].Outputs[0].Text != "hello, world\nrecording: true\n" || *back.Cells[2].ExecutionCount != 2 {
		t.Fatalf("executed copy: %v %+v", err, back.Cells[2])
	}
}

// Each way a cell can end badly ends as a clear cell error, and the next
// cell runs in the same kernel (execution counts go on without a restart).
func TestRobustness(t *testing.T) {
	opts := installed(t)
	opts.Timeout = 6 * time.Second
	opts.OutputLimit = 1 << 20
	start := time.Now()
	s := run(t, opts, "../testdata/robustness/robustness.ipynb")
	nb := s.Notebooks[0]
	if nb.Err != nil || len(nb.Cells) != 10 {
		t.Fatalf("robustness.ipynb: %v, %d cells", nb.Err, len(nb.Cells))
	}
	bad := []struct {
		status  Status
		message string
		alive   string
	}{
		{Failed, "panic: boom in a goroutine", "alive after a goroutine panic\n"},
		{Failed, "fatal error: all goroutines are asleep - deadlock!", "alive after a deadlock\n"},
		{TimedOut, "timed out after 6s; the cell was interrupted", "alive after an endless loop\n"},
		{OutputLimit, "output limit exceeded: more than 1.0 MiB of output", "alive after 50 MB of output\n"},
		{Failed, "exit status 3", "alive after os.Exit(3)\n"},
	}
	for i, want := range bad {
		c, next := nb.Cells[2*i], nb.Cells[2*i+1]
		if c.Status != want.status || !strings.Contains(c.Message(), want.message) || !c.Allowed || c.Failed() {
			t.Errorf("cell %d: status %s, message %q; want %s, %q", c.Index, c.Status, c.Message(), want.status, want.message)
		}
		if next.Status != OK || next.Stdout != want.alive {
			t.Errorf("cell %d after it: %s %q", next.Index, next.Status, next.Stdout)
		}
		if hasError := func() bool {
			for _, o := range c.Outputs {
				if o.OutputType == notebook.Error {
					return true
				}
			}
			return false
		}(); !hasError {
			t.Errorf("cell %d has no error output: %+v", c.Index, c.Outputs)
		}
	}
	for i, c := range nb.Cells {
		if c.ExecutionCount == nil || *c.ExecutionCount != i+1 {
			t.Fatalf("cell %d has execution count %v: the kernel was restarted", c.Index, c.ExecutionCount)
		}
	}
	flood := nb.Cells[6]
	stored := 0
	for _, o := range flood.Outputs {
		stored += len(o.Text)
	}
	if stored > opts.OutputLimit+1024 || !strings.Contains(flood.Outputs[0].Text, "output limit of 1.0 MiB reached") {
		t.Fatalf("the 50 MB cell stored %d bytes", stored)
	}
	if !s.OK() {
		t.Fatalf("every failing cell is tagged raises-exception, yet: %q", s.Problems())
	}
	if elapsed := time.Since(start); elapsed > 90*time.Second {
		t.Fatalf("robustness notebook took %s", elapsed)
	}
	info, err := os.Stat(nb.Output)
	if err != nil || info.Size() > 2<<20 {
		t.Fatalf("executed copy: %v (%d bytes)", err, info.Size())
	}
	testenv.ValidateNotebooks(t, nb.Output)
}

// A cell that kills the kernel itself: the cell fails with a clear note,
// the rest of the notebook is marked not run, the run goes on.
func TestKernelDeath(t *testing.T) {
	opts := installed(t)
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewCode("%%\nfmt.Println(\"before\")"))
	nb.Add(notebook.NewCode("%%\nsyscall.Kill(os.Getppid(), syscall.SIGKILL) // the parent is gonb\ntime.Sleep(time.Minute)"))
	nb.Add(notebook.NewCode("%%\nfmt.Println(\"never\")"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res := New(opts).Execute(ctx, nb, "")
	if res.Err == nil || !strings.Contains(res.Err.Error(), "the kernel died") {
		t.Fatalf("notebook error %v", res.Err)
	}
	if res.Cells[0].Status != OK || res.Cells[1].Status != KernelDied || res.Cells[2].Status != NotRun || !res.Failed() {
		t.Fatalf("cells: %s %s %s", res.Cells[0].Status, res.Cells[1].Status, res.Cells[2].Status)
	}
}

// Rich output and display updates, offline: gonbui comes from this module's
// go.mod through the kernel's go.work.
func TestDisplayOffline(t *testing.T) {
	opts := installed(t)
	s := run(t, opts, "../testdata/offline/display.ipynb")
	nb := s.Notebooks[0]
	if nb.Failed() {
		t.Fatalf("display.ipynb: %v %q", nb.Err, s.Problems())
	}
	outs := nb.Cells[1].Outputs
	if len(outs) != 2 || outs[0].Data["text/html"] != "<b>bold</b> from a cell" || outs[1].Data["text/markdown"] != "*markdown* from a cell" {
		t.Fatalf("display outputs %+v", outs)
	}
	// One display, updated in place; stdout and displays travel on different
	// pipes inside gonb, so their order is not fixed.
	var displays []string
	for _, o := range nb.Cells[2].Outputs {
		if o.OutputType == notebook.DisplayData {
			displays = append(displays, o.Data["text/html"].(string))
		}
	}
	if len(displays) != 1 || displays[0] != "<i>second</i>" || nb.Cells[2].Stdout != "updated true\n" {
		t.Fatalf("updated display: %q, stdout %q", displays, nb.Cells[2].Stdout)
	}
	testenv.ValidateNotebooks(t, nb.Output)
}

// The runner works with any kernel: here ipykernel, interrupted by signal.
func TestRunnerWithIPyKernel(t *testing.T) {
	testenv.Integration(t)
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "ipykernel")
	spec := &kernelspec.Spec{Name: "python3-test", Dir: t.TempDir(), Language: "python",
		Argv: []string{py, "-m", "ipykernel_launcher", "-f", "{connection_file}"}}
	nb := notebook.New("python3-test", "Python 3", "python")
	nb.Add(notebook.NewCode("print('hi')\n6 * 7"))
	nb.Add(notebook.NewCode("1/0")).Tag(AllowErrorsTag)
	nb.Add(notebook.NewCode("import time\ntime.sleep(600)"))
	nb.Add(notebook.NewCode("from IPython.display import HTML, display\ndisplay(HTML('<p>ok</p>'))"))
	r := New(Options{Timeout: 3 * time.Second, FindSpec: func(string) (*kernelspec.Spec, error) { return spec, nil }})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res := r.Execute(ctx, nb, "")
	if res.Err != nil || len(res.Cells) != 4 {
		t.Fatalf("%v, %d cells", res.Err, len(res.Cells))
	}
	c := res.Cells
	if c[0].Status != OK || c[0].Stdout != "hi\n" || c[0].Outputs[1].Data["text/plain"] != "42" || *c[0].Outputs[1].ExecutionCount != 1 {
		t.Fatalf("cell 0: %+v", c[0].Outputs)
	}
	if c[1].Status != Failed || !c[1].Allowed || c[1].Error.Name != "ZeroDivisionError" {
		t.Fatalf("cell 1: %+v", c[1])
	}
	if c[2].Status != TimedOut || c[3].Status != OK || c[3].Outputs[0].Data["text/html"] != "<p>ok</p>" {
		t.Fatalf("cells 2-3: %s %s %+v", c[2].Status, c[3].Status, c[3].Outputs)
	}
}

// A compile error is reported at the cell's own line, as gonb's traceback
// says it (Cell[2]: Line 2), never at gonb's main.go, whether gonb sends it
// as plain text (the runner's default: TestRunPassingAndFailingNotebooks) or
// as HTML (what JupyterLab shows: here); cells are numbered as their prompts
// are, in every report.
func TestCompileErrorsNameTheCellLine(t *testing.T) {
	opts := installed(t)
	opts.HTMLErrors = true
	s := run(t, opts, "../testdata/fail/failing.ipynb")
	checkCompileError(t, s, s.Notebooks[0])
}

func checkCompileError(t *testing.T, s *Summary, failing *NotebookResult) {
	t.Helper()
	c := failing.Cells[1]
	want := []Diagnostic{{Cell: 2, Line: 2, Message: "undefined: undefinedFunction"}}
	if !reflect.DeepEqual(c.Diagnostics, want) {
		t.Errorf("diagnostics %+v, want %+v", c.Diagnostics, want)
	}
	want1 := failing.Path + " cell [2]: error: cell [2] line 2: undefined: undefinedFunction"
	for _, p := range s.Problems() {
		if strings.HasPrefix(p, failing.Path+" ") && p != want1 {
			t.Errorf("problem %q, want %q", p, want1)
		}
	}
}

// Claims through the real kernel: ✓ lines are counted; a false claim fails
// its cell after the cell's deferred charts.Show has drawn, and fails the
// notebook even in a raises-exception cell; a claim that fails in a thread
// whose panic is recovered still fails the notebook. GOMAXPROCS in the
// runner's environment reaches the cells' programs.
func TestClaimsAndEnvThroughTheKernel(t *testing.T) {
	opts := installed(t)
	opts.Env = append(opts.Env, "GOMAXPROCS=1")
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewCode("import (\n\"github.com/fearless-go/fearless/charts\"\n\"github.com/fearless-go/fearless/helpers/claim\"\n\"github.com/fearless-go/fearless/helpers/thread\"\n\"github.com/fearless-go/fearless/helpers/trace\"\n)"))
	nb.Add(notebook.NewCode("%%\nclaim.That(\"one is one\", 1 == 1)\nclaim.Equal(\"the cell runs with one P\", runtime.GOMAXPROCS(0), 1)\nfmt.Println(\"GOMAXPROCS env:\", os.Getenv(\"GOMAXPROCS\"))"))
	nb.Add(notebook.NewCode("%%\ndefer charts.Show()\ntrace.Start()\nthread.Spawn(func() int { return 1 }).Join()\nclaim.Equal(\"two is three\", 2, 3)\nfmt.Println(\"not reached\")")).Tag(AllowErrorsTag)
	nb.Add(notebook.NewCode("%%\n_, err := thread.Spawn(func() int { claim.That(\"in a thread\", false); return 0 }).Join()\nfmt.Println(\"joined:\", err != nil)"))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	res := New(opts).Execute(ctx, nb, "")
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	first, second, third := res.Cells[1], res.Cells[2], res.Cells[3]
	if first.Status != OK || len(first.Claims) != 2 || first.ClaimsFailed() != 0 || !strings.Contains(first.Stdout, "GOMAXPROCS env: 1\n") {
		t.Fatalf("first cell: %s %+v stdout %q stderr %q", first.Status, first.Claims, first.Stdout, first.Stderr)
	}
	if second.Status != Failed || second.ClaimsFailed() != 1 || !second.Failed() || strings.Contains(second.Stdout, "not reached") ||
		second.Claims[0].Statement != "two is three — got 2, want 3" {
		t.Fatalf("second cell: %s %+v stdout %q stderr %q err %+v", second.Status, second.Claims, second.Stdout, second.Stderr, second.Error)
	}
	drew := false
	for _, o := range second.Outputs {
		if o.OutputType == notebook.DisplayData && o.Data["text/html"] != nil {
			drew = true
		}
	}
	if !drew {
		t.Fatalf("the deferred charts.Show did not draw: %+v", second.Outputs)
	}
	if third.Status != OK || third.ClaimsFailed() != 1 || !third.Failed() || !strings.Contains(third.Stdout, "joined: true") {
		t.Fatalf("third cell: %s %+v stdout %q", third.Status, third.Claims, third.Stdout)
	}
	if !res.Failed() {
		t.Fatal("a notebook with failed claims did not fail")
	}
}
