package proxy

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/go-zeromq/zmq4"
)

// fakeKernel speaks the kernel's side of the protocol the way gonb does:
// busy and idle around kernel_info, execute, complete and inspect; every
// reply on shell (even to control requests); no history, is_complete or
// execute_result of its own. It counts what it could not decode.
type fakeKernel struct {
	t                                testing.TB
	info                             jupyter.ConnectionInfo
	signer                           *jupyter.Signer
	shell, control, stdin, iopub, hb zmq4.Socket
	cancel                           context.CancelFunc
	wg                               sync.WaitGroup

	mu       sync.Mutex // one sender at a time on shell
	count    int
	codes    []string // every execute_request's code, in the order received
	bad      atomic.Int64
	received atomic.Int64
	executes chan struct{} // one per execute_request received, before it runs
	// handle, when set (under mu), answers requests the switch in serve
	// does not know (e.g. complete and inspect, in assist_test.go).
	handle func(req *jupyter.Message)
	// outputs, when set (under mu), are the iopub messages a cell with the
	// given code publishes after its stdout line (points_test.go).
	outputs map[string][]fakeOutput
}

// fakeOutput is one iopub message of a cell.
type fakeOutput struct {
	msgType string
	content any
}

func startFake(t testing.TB) *fakeKernel {
	info, err := jupyter.NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	f := &fakeKernel{t: t, info: info, cancel: cancel, executes: make(chan struct{}, 1000),
		shell: zmq4.NewRouter(ctx), control: zmq4.NewRouter(ctx), stdin: zmq4.NewRouter(ctx),
		iopub: zmq4.NewPub(ctx), hb: zmq4.NewRep(ctx)}
	f.signer, _ = jupyter.NewSigner(info.SignatureScheme, info.Key)
	for _, l := range []struct {
		s  zmq4.Socket
		ch jupyter.Channel
	}{{f.shell, jupyter.Shell}, {f.control, jupyter.Control}, {f.stdin, jupyter.Stdin}, {f.iopub, jupyter.IOPub}, {f.hb, jupyter.Heartbeat}} {
		if err := l.s.Listen(info.Endpoint(l.ch)); err != nil {
			t.Fatal(err)
		}
	}
	f.wg.Add(3)
	go f.serve(f.shell)
	go f.serve(f.control)
	go f.echo()
	t.Cleanup(f.stop)
	return f
}

func (f *fakeKernel) stop() {
	f.cancel()
	for _, s := range []zmq4.Socket{f.shell, f.control, f.stdin, f.iopub, f.hb} {
		s.Close()
	}
	f.wg.Wait()
}

func (f *fakeKernel) echo() {
	defer f.wg.Done()
	for {
		m, err := f.hb.Recv()
		if err != nil || f.hb.Send(m) != nil {
			return
		}
	}
}

func (f *fakeKernel) send(s zmq4.Socket, req *jupyter.Message, msgType string, content any) {
	m := &jupyter.Message{Header: jupyter.NewHeader(msgType, "fake", "kernel"), ParentHeader: req.Header, Content: mustJSON(content)}
	if s == f.iopub {
		m.Identities = [][]byte{[]byte("kernel.fake." + msgType)}
	} else {
		m.Identities = req.Identities
	}
	frames, err := f.signer.Encode(m)
	if err != nil {
		f.t.Error(err)
		return
	}
	_ = s.SendMulti(zmq4.NewMsgFrom(frames...))
}

func (f *fakeKernel) serve(s zmq4.Socket) {
	defer f.wg.Done()
	for {
		zm, err := s.Recv()
		if err != nil {
			return
		}
		req, err := f.signer.Decode(zm.Frames)
		if err != nil {
			f.bad.Add(1)
			continue
		}
		f.received.Add(1)
		if req.Type() == "execute_request" {
			select {
			case f.executes <- struct{}{}:
			default: // nobody counts (a benchmark runs thousands)
			}
		}
		f.mu.Lock()
		status := func(state string) { f.send(f.iopub, req, "status", jupyter.Status{ExecutionState: state}) }
		switch req.Type() {
		case "kernel_info_request":
			status("busy")
			f.send(f.shell, req, "kernel_info_reply", jupyter.KernelInfo{Status: "ok", ProtocolVersion: "5.3", Implementation: "fake",
				LanguageInfo: map[string]any{"name": "go"}})
			status("idle")
		case "execute_request":
			var c struct {
				Code string `json:"code"`
			}
			_ = json.Unmarshal(req.Content, &c)
			f.codes = append(f.codes, c.Code)
			f.count++
			status("busy")
			f.send(f.iopub, req, "execute_input", map[string]any{"code": c.Code, "execution_count": f.count})
			f.send(f.iopub, req, "stream", jupyter.Stream{Name: "stdout", Text: "ran: " + c.Code + "\n"})
			for _, o := range f.outputs[c.Code] {
				f.send(f.iopub, req, o.msgType, o.content)
			}
			if c.Code == "result" {
				f.send(f.iopub, req, "display_data", map[string]any{"data": map[string]any{"text/plain": "42"},
					"metadata": map[string]any{ExecuteResultKey: true}, "transient": map[string]any{}})
			}
			f.send(f.shell, req, "execute_reply", map[string]any{"status": "ok", "execution_count": f.count})
			status("idle")
		case "interrupt_request", "shutdown_request":
			// gonb replies to control requests on shell.
			f.send(f.shell, req, req.Type()[:len(req.Type())-len("request")]+"reply", map[string]any{"status": "ok"})
		default:
			if f.handle != nil {
				f.handle(req)
			}
		}
		f.mu.Unlock()
	}
}

// startProxy puts a proxy in front of f, on a front connection with its
// own ports and the same key (as the launcher does).
func startProxy(t testing.TB, f *fakeKernel, cells string) (*Proxy, jupyter.ConnectionInfo) {
	front, err := jupyter.NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	front.Key = f.info.Key
	p, err := Start(context.Background(), Options{Front: front, Back: f.info, CellsFile: cells, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p, front
}

type testLog struct{ t testing.TB }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(string(b))
	return len(b), nil
}

func dial(t testing.TB, info jupyter.ConnectionInfo, opts ...jupyter.Option) *jupyter.Client {
	c, err := jupyter.Dial(context.Background(), info, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
