package proxy_test

import (
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/internal/testenv"
	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/go-zeromq/zmq4"
)

// startKernel starts the installed fearless kernel (gonb behind the proxy)
// with extra environment.
func startKernel(t *testing.T, env ...string) (*jupyter.Kernel, context.Context) {
	t.Helper()
	spec := testenv.Kernel(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	k, err := jupyter.Start(ctx, spec, jupyter.StartOptions{Env: env})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Shutdown(context.Background()) })
	return k, ctx
}

func run(t *testing.T, ctx context.Context, k *jupyter.Kernel, code string) (stdout string, reply jupyter.ExecuteReply) {
	t.Helper()
	res, err := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: code}, jupyter.ExecuteOptions{})
	if err != nil {
		t.Fatalf("%v (kernel log:\n%s)", err, k.Log())
	}
	var out strings.Builder
	for _, m := range res.Messages {
		var s jupyter.Stream
		if m.Type() == "stream" && m.Decode(&s) == nil {
			out.WriteString(s.Text)
		}
		var e jupyter.Error
		if m.Type() == "error" && m.Decode(&e) == nil {
			out.WriteString(e.Ename + ": " + e.Evalue + "\n")
		}
	}
	return out.String(), res.Reply
}

// A badly signed message and a malformed one reach the kernel's shell
// socket; the kernel drops them, says so in its log, and the next cell runs.
// The cell also finds itself in FEARLESS_CELLS (contract C1).
func TestGonbBadMessagesThenCell(t *testing.T) {
	k, ctx := startKernel(t, testenv.Offline...)
	info := k.Connection()
	raw := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("intruder")))
	defer raw.Close()
	if err := raw.Dial(info.Endpoint(jupyter.Shell)); err != nil {
		t.Fatal(err)
	}
	forger, _ := jupyter.NewSigner("hmac-sha256", "not the key")
	bad, err := forger.Encode(&jupyter.Message{
		Header:  jupyter.NewHeader("execute_request", "intruder", "mallory"),
		Content: []byte(`{"code":"%%\nfmt.Println(\"forged\")","silent":false,"store_history":true,"user_expressions":{},"allow_stdin":false}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, frames := range [][][]byte{bad, {[]byte("<IDS|MSG>"), []byte("junk")}} {
		if err := raw.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
			t.Fatal(err)
		}
	}
	code := "import \"encoding/json\"\n\n%%\n// find me in the cells file\ndata, err := os.ReadFile(os.Getenv(\"FEARLESS_CELLS\"))\nif err != nil {\n\tpanic(err)\n}\nvar f struct{ Cells []struct{ Execution_count int; Code string } }\nif err := json.Unmarshal(data, &f); err != nil {\n\tpanic(err)\n}\nlast := f.Cells[len(f.Cells)-1]\nfmt.Println(len(f.Cells), last.Execution_count, strings.Contains(last.Code, \"find me\"))"
	out, reply := run(t, ctx, k, code)
	if reply.Status != "ok" || out != "1 1 true\n" {
		t.Fatalf("the cell after the bad messages: %s %q (log:\n%s)", reply.Status, out, k.Log())
	}
	if strings.Contains(out, "forged") || !strings.Contains(k.Log(), "dropped a message on shell") {
		t.Fatalf("the forged cell ran or the drop was not logged; log:\n%s", k.Log())
	}
	out, reply = run(t, ctx, k, "%%\nfmt.Println(\"still alive\")")
	if reply.Status != "ok" || out != "still alive\n" || reply.ExecutionCount != 2 {
		t.Fatalf("second cell: %+v %q", reply, out)
	}
}

// With the network unreachable (the module proxy on a closed local port,
// the checksum database at its default), a cell importing a module that is
// in the module cache runs: the kernel resolves modules from the cache
// first.
func TestGonbOffline(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://127.0.0.1:" + strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	k, ctx := startKernel(t, "GOPROXY="+closed, "GOSUMDB=", "GONOSUMDB=", "GOFLAGS=-mod=mod")
	out, reply := run(t, ctx, k, "import \"github.com/janpfeifer/gonb/gonbui\"\n\n%%\ngonbui.DisplayMarkdown(\"*offline*\")\ngonbui.Sync()\nfmt.Println(\"offline ok\")")
	if reply.Status != "ok" || out != "offline ok\n" {
		t.Fatalf("offline cell: %s %q\nkernel log:\n%s", reply.Status, out, k.Log())
	}
}

// shutdown_request passes through: gonb replies and exits by itself.
func TestGonbShutdown(t *testing.T) {
	k, ctx := startKernel(t, testenv.Offline...)
	if err := k.Client().ShutdownRequest(ctx, false); err != nil {
		t.Fatal(err)
	}
	select {
	case <-k.Exited():
		if err := k.ExitErr(); err != nil {
			t.Fatalf("kernel exited with %v; log:\n%s", err, k.Log())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("the kernel did not exit after shutdown_request; log:\n%s", k.Log())
	}
}

// input_request (stdin) finds its way from gonb through the proxy to the
// client that ran the cell, and the answer back to the cell's program.
func TestGonbInput(t *testing.T) {
	k, ctx := startKernel(t, testenv.Offline...)
	code := "import \"github.com/janpfeifer/gonb/gonbui\"\n\n%%\ngonbui.RequestInput(\"name? \", false)\nvar name string\nfmt.Scanln(&name)\nfmt.Println(\"hello,\", name)"
	var prompts []string
	res, err := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: code}, jupyter.ExecuteOptions{
		OnInput: func(r jupyter.InputRequest) (string, error) {
			prompts = append(prompts, r.Prompt)
			return "ada", nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, m := range res.Messages {
		var s jupyter.Stream
		if m.Type() == "stream" && m.Decode(&s) == nil {
			out.WriteString(s.Text)
		}
	}
	if res.Reply.Status != "ok" || len(prompts) != 1 || !strings.Contains(out.String(), "hello, ada") {
		t.Fatalf("input: reply %s, prompts %q, stdout %q; log:\n%s", res.Reply.Status, prompts, out.String(), k.Log())
	}
}

// A check cell on the real gonb: the points its checks earned come back as
// the cell's execute_result, after the pass/fail block and, when a check
// failed, before Done's stderr line and the error that fails the cell
// (nbgrader reads a graded cell's outputs in that order); when every check
// passed, last.
func TestGonbCheckPoints(t *testing.T) {
	k, ctx := startKernel(t, testenv.Offline...)
	cell := func(twoPlusTwo int) string {
		return "import \"github.com/fearless-go/fearless/helpers/check\"\n\n%%\nex := check.Exercise(\"sums\")\ndefer ex.Done()\n" +
			"ex.Equal(\"one plus one\", 2, func() any { return 1 + 1 })\n" +
			"ex.Equal(\"two plus two\", " + strconv.Itoa(twoPlusTwo) + ", func() any { return 2 + 2 }, check.Points(2))\n" +
			"ex.True(\"a half\", func() (bool, string) { return true, \"\" }, check.Points(0.5))\n"
	}
	for _, tc := range []struct {
		twoPlusTwo     int
		status, outs   string
		text, html     string
		stderrContains string
	}{
		{5, "error", "display_data execute_result stream error", "1.5", "1.5 of 3.5 points", "check: sums: 1 check failed"},
		{4, "ok", "display_data", "", "", ""}, // all passed: no number (nbgrader gives full marks)
	} {
		res, err := k.Client().Execute(ctx, jupyter.ExecuteRequest{Code: cell(tc.twoPlusTwo)}, jupyter.ExecuteOptions{})
		if err != nil {
			t.Fatalf("%v (kernel log:\n%s)", err, k.Log())
		}
		var outs []string
		var text, html, stderr string
		for _, m := range res.Messages {
			switch m.Type() {
			case "stream", "display_data", "execute_result", "error":
				if len(outs) == 0 || outs[len(outs)-1] != "stream" || m.Type() != "stream" { // a front end merges writes
					outs = append(outs, m.Type())
				}
			}
			var d jupyter.DisplayData
			if m.Type() == "execute_result" && m.Decode(&d) == nil {
				text, _ = d.Data["text/plain"].(string)
				html, _ = d.Data["text/html"].(string)
				if d.ExecutionCount == nil || *d.ExecutionCount != res.Reply.ExecutionCount {
					t.Errorf("execute_result count %v, the cell's %d", d.ExecutionCount, res.Reply.ExecutionCount)
				}
			}
			var s jupyter.Stream
			if m.Type() == "stream" && m.Decode(&s) == nil && s.Name == "stderr" {
				stderr += s.Text
			}
		}
		got := strings.Join(outs, " ")
		if res.Reply.Status != tc.status || got != tc.outs || text != tc.text || !strings.Contains(html, tc.html) || !strings.Contains(stderr, tc.stderrContains) {
			t.Errorf("2+2=%d: status %s, outputs [%s] text %q html %q stderr %q; want %s, [%s], %q, %q, %q\nkernel log:\n%s",
				tc.twoPlusTwo, res.Reply.Status, got, text, html, stderr, tc.status, tc.outs, tc.text, tc.html, tc.stderrContains, k.Log())
		}
	}
}
