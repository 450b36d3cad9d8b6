package proxy

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/go-zeromq/zmq4"
)

func TestExecuteThroughProxy(t *testing.T) {
	f := startFake(t)
	cells := filepath.Join(t.TempDir(), "cells.json")
	p, front := startProxy(t, f, cells)
	c := dial(t, front)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"%%\nfmt.Println(1)", "result"} {
		res, err := c.Execute(ctx, jupyter.ExecuteRequest{Code: code}, jupyter.ExecuteOptions{})
		if err != nil || !res.Idle || res.Reply.Status != "ok" {
			t.Fatalf("execute %q: %v %+v", code, err, res)
		}
		var types []string
		for _, m := range res.Messages {
			types = append(types, m.Type())
		}
		want := "[status execute_input stream status]"
		if code == "result" {
			want = "[status execute_input stream execute_result status]"
		}
		if got := fmtList(types); got != want {
			t.Errorf("%q: iopub %s, want %s", code, got, want)
		}
		for _, m := range res.Messages {
			if m.Type() != "execute_result" {
				continue
			}
			var d jupyter.DisplayData
			if err := m.Decode(&d); err != nil || d.ExecutionCount == nil || *d.ExecutionCount != 2 || d.Data["text/plain"] != "42" {
				t.Errorf("execute_result: %s", m.Content)
			}
			if _, ok := d.Metadata[ExecuteResultKey]; ok {
				t.Errorf("the marker must not reach Jupyter: %s", m.Content)
			}
		}
	}
	p.cells.flush()
	got, err := ReadCells(cells)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Cells) != 2 || got.Cells[0] != (Cell{1, "%%\nfmt.Println(1)"}) || got.Cells[1] != (Cell{2, "result"}) {
		t.Fatalf("cells file: %+v", got)
	}

	r, err := c.Request(ctx, jupyter.Shell, "history_request", map[string]any{"hist_access_type": "tail", "n": 5, "output": true, "raw": true})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"history":[[1,1,["%%\nfmt.Println(1)",null]],[1,2,["result","42"]]],"status":"ok"}`; string(r.Content) != want {
		t.Fatalf("history_reply %s, want %s", r.Content, want)
	}
	r, err = c.Request(ctx, jupyter.Shell, "is_complete_request", map[string]any{"code": "func f() {"})
	if err != nil || string(r.Content) != `{"indent":"\t","status":"incomplete"}` {
		t.Fatalf("is_complete_reply %s %v", r.Content, err)
	}
	r, err = c.Request(ctx, jupyter.Shell, "comm_info_request", map[string]any{})
	if err != nil || string(r.Content) != `{"comms":{},"status":"ok"}` {
		t.Fatalf("comm_info_reply %s %v", r.Content, err)
	}
	if err := c.Heartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	if p.Dropped() != 0 || f.bad.Load() != 0 {
		t.Fatalf("dropped %d, kernel saw %d bad messages", p.Dropped(), f.bad.Load())
	}
}

// After a kernel_info exchange, with nothing else running, the proxy
// publishes an idle status without a parent: JupyterLab ignores statuses
// whose parent is a kernel_info_request and shows this one.
func TestIdleAfterKernelInfo(t *testing.T) {
	f := startFake(t)
	_, front := startProxy(t, f, "")
	idle := make(chan struct{}, 1)
	c := dial(t, front, jupyter.OnUnrouted(func(m *jupyter.Message) {
		var st jupyter.Status
		if m.Type() == "status" && m.ParentID() == "" && m.Decode(&st) == nil && st.ExecutionState == "idle" {
			select {
			case idle <- struct{}{}:
			default:
			}
		}
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case <-idle:
	case <-ctx.Done():
		t.Fatal("no parentless idle status after kernel_info")
	}
}

// A message signed with another key, or not a message at all, is dropped
// and logged: the kernel never sees it, and the next request is answered.
func TestBadMessagesDropped(t *testing.T) {
	f := startFake(t)
	p, front := startProxy(t, f, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	raw := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("raw")))
	defer raw.Close()
	if err := raw.Dial(front.Endpoint(jupyter.Shell)); err != nil {
		t.Fatal(err)
	}
	good, _ := jupyter.NewSigner("hmac-sha256", front.Key)
	forger, _ := jupyter.NewSigner("hmac-sha256", "not the key")
	msg := func(s *jupyter.Signer, msgType string, content string) [][]byte {
		frames, err := s.Encode(&jupyter.Message{Header: jupyter.NewHeader(msgType, "raw", "test"), Content: []byte(content)})
		if err != nil {
			t.Fatal(err)
		}
		return frames
	}
	for _, frames := range [][][]byte{
		msg(forger, "execute_request", `{"code":"forged","silent":false,"store_history":true,"user_expressions":{},"allow_stdin":false}`),
		{[]byte("not a jupyter message")},
		msg(good, "execute_request", `{"code": not json`),
	} {
		if err := raw.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
			t.Fatal(err)
		}
	}
	// ZeroMQ keeps a connection's order: once this is answered, the
	// messages before it have been dealt with.
	if err := raw.SendMulti(zmq4.NewMsgFrom(msg(good, "kernel_info_request", `{}`)...)); err != nil {
		t.Fatal(err)
	}
	reply, err := raw.Recv()
	if err != nil {
		t.Fatal(err)
	}
	m, err := good.Decode(reply.Frames)
	if err != nil || m.Type() != "kernel_info_reply" {
		t.Fatalf("reply %v %v", m, err)
	}
	// The proxy's own replies carry complete headers, and the request's
	// header as their parent byte for byte (JupyterLab rejects a header
	// without username, even an empty one).
	req := []byte(`{"msg_id":"r1","session":"s","username":"","date":"2026-01-01T00:00:00Z","msg_type":"is_complete_request","version":"5.3"}`)
	frames := jupyter.Frames{Parts: [4][]byte{req, []byte("{}"), []byte("{}"), []byte(`{"code":"x := 1"}`)}}
	if err := raw.SendMulti(zmq4.NewMsgFrom(frames.Join(good)...)); err != nil {
		t.Fatal(err)
	}
	reply, err = raw.Recv()
	if err != nil {
		t.Fatal(err)
	}
	got, err := jupyter.Split(reply.Frames)
	if err != nil || !strings.Contains(string(got.Parts[0]), `"username":""`) || string(got.Parts[1]) != string(req) {
		t.Fatalf("is_complete_reply header %s, parent %s (%v)", got.Parts[0], got.Parts[1], err)
	}
	if p.Dropped() != 3 || f.bad.Load() != 0 || f.received.Load() != 1 {
		t.Fatalf("proxy dropped %d (want 3); kernel saw %d bad and %d good messages (want 0 and 1)", p.Dropped(), f.bad.Load(), f.received.Load())
	}
}

// gonb sends its reply to an interrupt_request on shell; Jupyter waits for
// it on control, and gets it there.
func TestControlRepliesOnControl(t *testing.T) {
	f := startFake(t)
	_, front := startProxy(t, f, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	control := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("ctl")))
	defer control.Close()
	if err := control.Dial(front.Endpoint(jupyter.Control)); err != nil {
		t.Fatal(err)
	}
	s, _ := jupyter.NewSigner("hmac-sha256", front.Key)
	frames, _ := s.Encode(&jupyter.Message{Header: jupyter.NewHeader("interrupt_request", "ctl", "test"), Content: []byte(`{}`)})
	if err := control.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		t.Fatal(err)
	}
	reply, err := control.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if m, err := s.Decode(reply.Frames); err != nil || m.Type() != "interrupt_reply" {
		t.Fatalf("on control: %v %v", m, err)
	}
}

// A request the proxy answers itself while the kernel runs a cell waits
// for the cell, as in a kernel's shell queue: its idle status never claims
// the kernel is idle while it is not.
func TestOwnAnswersWaitForTheKernel(t *testing.T) {
	f := startFake(t)
	_, front := startProxy(t, f, "")
	c := dial(t, front)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock() // the kernel is "running" until released
	done := make(chan error, 1)
	go func() {
		_, err := c.Execute(ctx, jupyter.ExecuteRequest{Code: "slow"}, jupyter.ExecuteOptions{})
		done <- err
	}()
	<-f.executes // passed on by the proxy, so it is awaited
	answered := make(chan string, 1)
	go func() {
		r, err := c.Request(ctx, jupyter.Shell, "history_request", map[string]any{"hist_access_type": "tail", "n": 1})
		if err != nil {
			answered <- err.Error()
			return
		}
		answered <- string(r.Content)
	}()
	f.mu.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := <-answered; got != `{"history":[[1,1,"slow"]],"status":"ok"}` {
		t.Fatalf("history after the cell: %s", got)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}
