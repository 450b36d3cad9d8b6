package jupyter

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// fakeKernel is a minimal kernel speaking the wire protocol, used to check
// what the client does with messages no real kernel would send: ones signed
// with the wrong key.
type fakeKernel struct {
	t       *testing.T
	info    ConnectionInfo
	good    *Signer
	forger  *Signer // signs with a key the client does not know
	shell   zmq4.Socket
	control zmq4.Socket
	stdin   zmq4.Socket
	iopub   zmq4.Socket
	hb      zmq4.Socket
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func startFakeKernel(t *testing.T) *fakeKernel {
	info, err := NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	f := &fakeKernel{t: t, info: info, cancel: cancel,
		shell: zmq4.NewRouter(ctx), control: zmq4.NewRouter(ctx), stdin: zmq4.NewRouter(ctx),
		iopub: zmq4.NewPub(ctx), hb: zmq4.NewRep(ctx)}
	f.good, _ = NewSigner(info.SignatureScheme, info.Key)
	f.forger, _ = NewSigner(info.SignatureScheme, "not the key")
	for _, p := range []struct {
		s    zmq4.Socket
		port int
	}{{f.shell, info.ShellPort}, {f.control, info.ControlPort}, {f.stdin, info.StdinPort}, {f.iopub, info.IOPubPort}, {f.hb, info.HBPort}} {
		if err := p.s.Listen(info.addr(p.port)); err != nil {
			t.Fatal(err)
		}
	}
	f.wg.Add(3)
	go f.serve(f.shell)
	go f.serve(f.control)
	go f.echo()
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
		if err != nil {
			return
		}
		if f.hb.Send(m) != nil {
			return
		}
	}
}

func (f *fakeKernel) send(s zmq4.Socket, signer *Signer, parent *Message, msgType string, content any) {
	m := &Message{Header: newHeader(msgType, "fake", "kernel"), ParentHeader: parent.Header, Content: rawJSON(content)}
	if s == f.iopub {
		m.Identities = [][]byte{[]byte("kernel.fake." + msgType)}
	} else {
		m.Identities = parent.Identities
	}
	frames, err := encode(signer, m)
	if err != nil {
		f.t.Error(err)
		return
	}
	_ = s.SendMulti(zmq4.NewMsgFrom(frames...))
}

// serve answers kernel_info_request and execute_request. For an execute
// request it first publishes a forged stream and sends a forged error reply,
// then the genuine ones: a correct client shows only the genuine ones.
func (f *fakeKernel) serve(s zmq4.Socket) {
	defer f.wg.Done()
	for {
		zm, err := s.Recv()
		if err != nil {
			return
		}
		req, err := decode(f.good, zm.Frames)
		if err != nil {
			continue // like every kernel: a bad signature is ignored
		}
		status := func(state string) { f.send(f.iopub, f.good, req, "status", Status{ExecutionState: state}) }
		switch req.Type() {
		case "kernel_info_request":
			status("busy")
			f.send(s, f.good, req, "kernel_info_reply", KernelInfo{Status: "ok", ProtocolVersion: "5.3", Implementation: "fake",
				LanguageInfo: map[string]any{"name": "fake"}})
			status("idle")
		case "execute_request":
			status("busy")
			f.send(f.iopub, f.forger, req, "stream", Stream{Name: "stdout", Text: "forged output\n"})
			f.send(f.iopub, f.good, req, "stream", Stream{Name: "stdout", Text: "genuine output\n"})
			f.send(s, f.forger, req, "execute_reply", map[string]any{"status": "error", "execution_count": 99, "ename": "Forged", "evalue": "forged", "traceback": []string{}})
			f.send(s, f.good, req, "execute_reply", map[string]any{"status": "ok", "execution_count": 1})
			status("idle")
		case "interrupt_request", "shutdown_request":
			f.send(s, f.good, req, req.Type()[:len(req.Type())-len("request")]+"reply", map[string]any{"status": "ok"})
		}
	}
}

func TestClientDropsBadlySignedMessages(t *testing.T) {
	f := startFakeKernel(t)
	defer f.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	rejected := make(chan Channel, 16)
	c, err := Dial(ctx, f.info, OnRejected(func(ch Channel, err error) {
		if err == ErrBadSignature {
			rejected <- ch
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	info, err := c.WaitReady(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Implementation != "fake" {
		t.Fatalf("kernel_info: %+v", info)
	}

	res, err := c.Execute(ctx, ExecuteRequest{Code: "anything"}, ExecuteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Reply.Status != "ok" || res.Reply.ExecutionCount != 1 {
		t.Fatalf("the client took the forged reply: %+v", res.Reply)
	}
	var texts []string
	for _, m := range res.Messages {
		if m.Type() == "stream" {
			var s Stream
			if err := m.Decode(&s); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, s.Text)
		}
	}
	if len(texts) != 1 || texts[0] != "genuine output\n" {
		t.Fatalf("streams delivered: %q, want only the genuine one", texts)
	}
	got := map[Channel]int{}
	for len(got) < 2 {
		select {
		case ch := <-rejected:
			got[ch]++
		case <-ctx.Done():
			t.Fatalf("rejections reported: %v; want one on iopub and one on shell", got)
		}
	}
	if got[IOPub] != 1 || got[Shell] != 1 || c.Rejected() != 2 {
		t.Fatalf("rejected %v (count %d); want one forged iopub and one forged shell message", got, c.Rejected())
	}
}

func TestClientHeartbeatAndControl(t *testing.T) {
	f := startFakeKernel(t)
	defer f.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := Dial(ctx, f.info)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for range 3 {
		if err := c.Heartbeat(ctx); err != nil {
			t.Fatalf("heartbeat: %v", err)
		}
	}
	if err := c.InterruptRequest(ctx); err != nil {
		t.Fatalf("interrupt_request: %v", err)
	}
	if err := c.ShutdownRequest(ctx, false); err != nil {
		t.Fatalf("shutdown_request: %v", err)
	}
}

func TestClosedClientFailsRequests(t *testing.T) {
	f := startFakeKernel(t)
	defer f.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := Dial(ctx, f.info)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := c.KernelInfo(ctx); err != ErrClosed {
		t.Fatalf("request on a closed client: %v, want ErrClosed", err)
	}
}

func TestDialGivesUpWithContext(t *testing.T) {
	info, err := NewConnectionInfo() // nobody listens on these ports
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := Dial(ctx, info); err == nil {
		t.Fatal("Dial to nothing succeeded")
	}
}
