package jupyter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/kernelspec"
)

// ipykernel is the independent peer: Jupyter's reference kernel, from PyPI.
func ipykernel(t *testing.T, interruptMode string) *kernelspec.Spec {
	t.Helper()
	testenv.Integration(t)
	py := testenv.Python(t)
	testenv.PythonModule(t, py, "ipykernel")
	return &kernelspec.Spec{
		Name: "python3-test", Dir: t.TempDir(), Language: "python", DisplayName: "Python 3 (test)",
		Argv:          []string{py, "-m", "ipykernel_launcher", "-f", "{connection_file}"},
		InterruptMode: interruptMode,
	}
}

func startKernel(t *testing.T, spec *kernelspec.Spec, env ...string) (*Kernel, context.Context) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	k, err := Start(ctx, spec, StartOptions{Env: env})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := k.Shutdown(context.Background()); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return k, ctx
}

// outputs sorts a request's iopub messages by type, decoding the contents.
type outputs struct {
	stdout, stderr string
	results        []DisplayData // execute_result
	displays       []DisplayData // display_data
	errors         []Error
}

func collect(t *testing.T, msgs []*Message) outputs {
	t.Helper()
	var o outputs
	for _, m := range msgs {
		switch m.Type() {
		case "stream":
			var s Stream
			mustDecode(t, m, &s)
			if s.Name == "stderr" {
				o.stderr += s.Text
			} else {
				o.stdout += s.Text
			}
		case "execute_result", "display_data":
			var d DisplayData
			mustDecode(t, m, &d)
			if m.Type() == "execute_result" {
				o.results = append(o.results, d)
			} else {
				o.displays = append(o.displays, d)
			}
		case "error":
			var e Error
			mustDecode(t, m, &e)
			o.errors = append(o.errors, e)
		}
	}
	return o
}

func mustDecode(t *testing.T, m *Message, v any) {
	t.Helper()
	if err := m.Decode(v); err != nil {
		t.Fatal(err)
	}
}

func TestIPyKernelExecute(t *testing.T) {
	k, ctx := startKernel(t, ipykernel(t, "signal"))
	c := k.Client()
	if k.Info().Language() != "python" || k.Info().ProtocolVersion == "" {
		t.Fatalf("kernel_info: %+v", k.Info())
	}

	res, err := c.Execute(ctx, ExecuteRequest{Code: "import sys\nprint('hello')\nprint('oops', file=sys.stderr)\n40 + 2"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := collect(t, res.Messages)
	if res.Reply.Status != "ok" || res.Reply.ExecutionCount != 1 || !res.Idle {
		t.Fatalf("reply %+v idle=%v", res.Reply, res.Idle)
	}
	if o.stdout != "hello\n" || o.stderr != "oops\n" || len(o.results) != 1 || o.results[0].Data["text/plain"] != "42" {
		t.Fatalf("outputs %+v", o)
	}

	res, err = c.Execute(ctx, ExecuteRequest{Code: "from IPython.display import display, HTML\ndisplay(HTML('<b>hi</b>'), display_id='d1')"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o = collect(t, res.Messages)
	if len(o.displays) != 1 || o.displays[0].Data["text/html"] != "<b>hi</b>" || o.displays[0].DisplayID() != "d1" {
		t.Fatalf("display_data: %+v", o.displays)
	}

	res, err = c.Execute(ctx, ExecuteRequest{Code: "1/0"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o = collect(t, res.Messages)
	if res.Reply.Status != "error" || res.Reply.Ename != "ZeroDivisionError" || len(o.errors) != 1 || o.errors[0].Ename != "ZeroDivisionError" {
		t.Fatalf("reply %+v errors %+v", res.Reply, o.errors)
	}
}

func TestIPyKernelStdin(t *testing.T) {
	k, ctx := startKernel(t, ipykernel(t, "signal"))
	var prompts []string
	res, err := k.Client().Execute(ctx, ExecuteRequest{Code: "name = input('name? ')\nprint('hello,', name)"}, ExecuteOptions{
		OnInput: func(r InputRequest) (string, error) {
			prompts = append(prompts, r.Prompt)
			return "gopher", nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if o := collect(t, res.Messages); o.stdout != "hello, gopher\n" || len(prompts) != 1 || prompts[0] != "name? " {
		t.Fatalf("stdout %q prompts %q reply %+v", o.stdout, prompts, res.Reply)
	}
}

// interruptLoop runs an endless loop, interrupts it once it has started, and
// checks the kernel is still usable.
func interruptLoop(t *testing.T, k *Kernel, ctx context.Context, loop, after string) {
	t.Helper()
	looping := make(chan struct{})
	var once bool
	var interruptErr error
	interrupted := make(chan struct{})
	go func() {
		defer close(interrupted)
		select {
		case <-looping:
			interruptErr = k.Interrupt(ctx)
		case <-ctx.Done():
		}
	}()
	res, err := k.Client().Execute(ctx, ExecuteRequest{Code: loop}, ExecuteOptions{OnMessage: func(m *Message) {
		if m.Type() == "stream" && !once {
			once = true
			close(looping)
		}
	}})
	<-interrupted
	if err != nil || interruptErr != nil {
		t.Fatalf("execute: %v; interrupt: %v", err, interruptErr)
	}
	if res.Reply.Status != "error" {
		t.Fatalf("interrupted cell replied %+v", res.Reply)
	}
	res, err = k.Client().Execute(ctx, ExecuteRequest{Code: after}, ExecuteOptions{})
	if err != nil || res.Reply.Status != "ok" {
		t.Fatalf("the kernel is not usable after the interrupt: %v %+v", err, res.Reply)
	}
}

func TestIPyKernelInterruptBySignal(t *testing.T) {
	k, ctx := startKernel(t, ipykernel(t, "signal"))
	interruptLoop(t, k, ctx, "import time\nprint('looping', flush=True)\nwhile True:\n    time.sleep(0.01)", "print('after')")
}

func TestIPyKernelInterruptByMessage(t *testing.T) {
	k, ctx := startKernel(t, ipykernel(t, "message"))
	interruptLoop(t, k, ctx, "import time\nprint('looping', flush=True)\nwhile True:\n    time.sleep(0.01)", "print('after')")
}

func TestIPyKernelHeartbeatCompleteInspect(t *testing.T) {
	k, ctx := startKernel(t, ipykernel(t, "signal"))
	c := k.Client()
	if err := c.Heartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	comp, err := c.Complete(ctx, "import os\nos.pat", len("import os\nos.pat"))
	if err != nil {
		t.Fatal(err)
	}
	if comp.Status != "ok" || !contains(comp.Matches, "path") && !contains(comp.Matches, "os.path") {
		t.Fatalf("complete_reply %+v", comp)
	}
	insp, err := c.Inspect(ctx, "len", 3, 0)
	if err != nil {
		t.Fatal(err)
	}
	if insp.Status != "ok" || !insp.Found {
		t.Fatalf("inspect_reply %+v", insp)
	}
}

func TestIPyKernelShutdown(t *testing.T) {
	spec := ipykernel(t, "signal")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	k, err := Start(ctx, spec, StartOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Client().ShutdownRequest(ctx, false); err != nil {
		t.Fatal(err)
	}
	select {
	case <-k.Exited(): // the kernel left on its own, as asked
	case <-ctx.Done():
		t.Fatal("ipykernel did not exit after shutdown_reply")
	}
	if err := k.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := k.Interrupt(ctx); !errors.Is(err, ErrExited) {
		t.Fatalf("interrupting an exited kernel: %v", err)
	}
}

// A client with the wrong key: ipykernel refuses its request (and logs it),
// and the client refuses everything the kernel publishes.
func TestIPyKernelBadSignature(t *testing.T) {
	k, ctx := startKernel(t, ipykernel(t, "signal"))
	wrong := k.Connection()
	wrong.Key = strings.Repeat("0", len(wrong.Key))
	rejected := make(chan struct{}, 64)
	impostor, err := Dial(ctx, wrong, OnRejected(func(ch Channel, err error) {
		if ch == IOPub && errors.Is(err, ErrBadSignature) {
			rejected <- struct{}{}
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer impostor.Close()

	short, cancel := context.WithTimeout(ctx, 2*time.Second)
	_, err = impostor.KernelInfo(short)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a request signed with the wrong key got %v; the kernel must ignore it", err)
	}
	// The genuine client still works, and what the kernel publishes for it
	// reaches the impostor's iopub too, where it is rejected.
	if _, err := k.Client().Execute(ctx, ExecuteRequest{Code: "print('genuine')"}, ExecuteOptions{}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-rejected:
	case <-ctx.Done():
		t.Fatal("the impostor client accepted or never saw the kernel's iopub messages")
	}
	if !strings.Contains(k.Log(), "Invalid Signature") {
		t.Fatalf("ipykernel did not log the bad signature; its log:\n%s", k.Log())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
