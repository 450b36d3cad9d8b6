package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/go-zeromq/zmq4"
)

// ExecuteResultKey is the display_data metadata key that turns an output
// into the cell's execute_result (its Out[n] value). A cell sends it with
// gonbui.SendData(&protocol.DisplayData{..., Metadata: map[string]any{proxy.ExecuteResultKey: true}}).
const ExecuteResultKey = "fearless/execute_result"

// Options says what the proxy connects.
type Options struct {
	// Front is the connection Jupyter was given: the proxy listens there.
	Front jupyter.ConnectionInfo
	// Back is the kernel's connection: the proxy dials it. When its key
	// differs from Front's, messages are signed again on the way through.
	Back jupyter.ConnectionInfo
	// CellsFile, when not empty, is kept up to date with every executed
	// cell (contract C1, FEARLESS_CELLS).
	CellsFile string
	// CompletionsFile, when not empty, is where the gopls shim notes the
	// items of each completion (launch.CompletionsEnv), which the proxy adds
	// to complete_reply and uses when gonb's inspect_reply is an error.
	CompletionsFile string
	// Log receives one line per dropped message, and with Verbosity ≥ 2 one
	// line per message passed on. Default: discarded.
	Log       io.Writer
	Verbosity int
	// CellScope, when set, makes %goflags, %env and %cd last for the cell
	// that runs them (see CellScope).
	CellScope *CellScope
}

// Proxy forwards Jupyter messages between a front end and a kernel. Its
// methods may be called from any goroutine.
type Proxy struct {
	opts      Options
	front     *jupyter.Signer // checks what Jupyter sends, signs what the proxy makes
	backSign  *jupyter.Signer // signs what goes to the kernel, when the keys differ
	frontSign *jupyter.Signer // signs what comes from the kernel, when the keys differ
	backKey   *jupyter.Signer // signs the proxy's own requests to the kernel
	session   string

	fShell, fControl, fStdin, fIOPub, fHB *sock
	bShell, bControl, bStdin, bIOPub, bHB *sock

	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu        sync.Mutex
	onControl map[string]bool        // msg_ids of requests that came on control
	awaiting  map[string]bool        // requests the kernel has not finished (no idle yet)
	counts    map[string]int         // execution_count of each execute_request seen on iopub
	points    map[string]*cellPoints // check results of each running cell (points.go)
	deferred  []func()               // the proxy's own answers, waiting for the kernel to be idle
	history   history                // this session's inputs and outputs
	assist    assistState            // completion and inspection (assist.go)
	cells     *cellsFile             // FEARLESS_CELLS
	logMu     sync.Mutex             // one log line at a time
	dropped   atomic.Int64           // malformed or badly signed messages from the front
	forwarded atomic.Int64           // messages passed on, both ways
	closeOnce sync.Once
	closed    chan struct{}
	scope     *scope    // restores kernel-wide settings after a cell (nil: off)
	pre       presubmit // the grader's guard on exercise cells (presubmit.go)
}

// sock is a ZeroMQ socket with a send lock (zmq4 sockets are not safe for
// concurrent senders).
type sock struct {
	name string
	mu   sync.Mutex
	zs   zmq4.Socket
}

func (s *sock) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.zs.SendMulti(zmq4.NewMsgFrom(frames...))
}

// Start connects to the kernel (waiting, until ctx ends, for it to listen)
// and then listens where Jupyter connects. The proxy runs until Close.
func Start(ctx context.Context, opts Options) (*Proxy, error) {
	front, err := jupyter.NewSigner(opts.Front.SignatureScheme, opts.Front.Key)
	if err != nil {
		return nil, err
	}
	back, err := jupyter.NewSigner(opts.Back.SignatureScheme, opts.Back.Key)
	if err != nil {
		return nil, err
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	life, cancel := context.WithCancel(context.Background())
	p := &Proxy{
		opts: opts, front: front, backKey: back, session: jupyter.NewHeader("", "", "").MsgID, cancel: cancel,
		onControl: map[string]bool{}, awaiting: map[string]bool{}, counts: map[string]int{}, points: map[string]*cellPoints{},
		closed: make(chan struct{}),
	}
	if opts.Front.Key != opts.Back.Key || opts.Front.SignatureScheme != opts.Back.SignatureScheme {
		p.backSign, p.frontSign = back, front
	}
	p.assist.init(opts.CompletionsFile)
	p.pre.init()
	if opts.CellsFile != "" {
		if p.cells, err = newCellsFile(opts.CellsFile, p.logf); err != nil {
			cancel()
			return nil, err
		}
	}
	if opts.CellScope != nil {
		p.scope = newScope(*opts.CellScope, back, p.logf)
	}

	// Shell, control and stdin share an identity, so the kernel's replies
	// and input requests find their way back to the proxy.
	id := zmq4.WithID(zmq4.SocketIdentity("fearless-proxy-" + p.session))
	retry := []zmq4.Option{zmq4.WithDialerRetry(20 * time.Millisecond), zmq4.WithDialerMaxRetries(-1)}
	p.bShell = &sock{name: "kernel shell", zs: zmq4.NewDealer(life, append(retry, id)...)}
	p.bControl = &sock{name: "kernel control", zs: zmq4.NewDealer(life, append(retry, id)...)}
	p.bStdin = &sock{name: "kernel stdin", zs: zmq4.NewDealer(life, append(retry, id)...)}
	p.bIOPub = &sock{name: "kernel iopub", zs: zmq4.NewSub(life, retry...)}
	p.bHB = &sock{name: "kernel heartbeat", zs: zmq4.NewReq(life, retry...)}
	p.fShell = &sock{name: "shell", zs: zmq4.NewRouter(life)}
	p.fControl = &sock{name: "control", zs: zmq4.NewRouter(life)}
	p.fStdin = &sock{name: "stdin", zs: zmq4.NewRouter(life)}
	p.fIOPub = &sock{name: "iopub", zs: zmq4.NewPub(life)}
	p.fHB = &sock{name: "heartbeat", zs: zmq4.NewRep(life)}
	if err := p.bIOPub.zs.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		p.closeSockets()
		return nil, fmt.Errorf("proxy: subscribing to the kernel's iopub: %w", err)
	}

	dialed := make(chan error, 1)
	go func() {
		for _, d := range []struct {
			s  *sock
			ch jupyter.Channel
		}{{p.bShell, jupyter.Shell}, {p.bControl, jupyter.Control}, {p.bStdin, jupyter.Stdin}, {p.bIOPub, jupyter.IOPub}, {p.bHB, jupyter.Heartbeat}} {
			if err := d.s.zs.Dial(endpoint(opts.Back.Endpoint(d.ch))); err != nil {
				dialed <- fmt.Errorf("proxy: connecting to the kernel's %s channel: %w", d.ch, err)
				return
			}
		}
		dialed <- nil
	}()
	select {
	case err := <-dialed:
		if err != nil {
			p.closeSockets()
			return nil, err
		}
	case <-ctx.Done():
		p.closeSockets()
		<-dialed
		return nil, fmt.Errorf("proxy: connecting to the kernel: %w", ctx.Err())
	}
	for _, l := range []struct {
		s  *sock
		ch jupyter.Channel
	}{{p.fShell, jupyter.Shell}, {p.fControl, jupyter.Control}, {p.fStdin, jupyter.Stdin}, {p.fIOPub, jupyter.IOPub}, {p.fHB, jupyter.Heartbeat}} {
		if err := l.s.zs.Listen(endpoint(opts.Front.Endpoint(l.ch))); err != nil {
			p.closeSockets()
			return nil, fmt.Errorf("proxy: listening for Jupyter's %s channel: %w", l.ch, err)
		}
	}
	p.loop(func() { p.fromFront(jupyter.Shell, p.fShell, p.bShell) })
	p.loop(func() { p.fromFront(jupyter.Control, p.fControl, p.bControl) })
	p.loop(func() { p.fromFront(jupyter.Stdin, p.fStdin, p.bStdin) })
	p.loop(p.heartbeat)
	p.loop(func() { p.fromBack(p.bShell) })
	p.loop(func() { p.fromBack(p.bControl) })
	p.loop(func() { p.fromBack(p.bStdin) })
	p.loop(p.fromBackIOPub)
	return p, nil
}

func (p *Proxy) loop(f func()) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		f()
	}()
}

// Close stops forwarding and closes every socket. It is safe to call more
// than once.
func (p *Proxy) Close() error {
	p.closeOnce.Do(func() {
		close(p.closed)
		p.closeSockets()
		p.wg.Wait()
		if p.cells != nil {
			p.cells.close()
		}
	})
	return nil
}

func (p *Proxy) closeSockets() {
	p.cancel()
	for _, s := range []*sock{p.fShell, p.fControl, p.fStdin, p.fIOPub, p.fHB, p.bShell, p.bControl, p.bStdin, p.bIOPub, p.bHB} {
		if s != nil {
			_ = s.zs.Close()
		}
	}
}

// Dropped returns how many messages from the front end were dropped as
// malformed or badly signed.
func (p *Proxy) Dropped() int64 { return p.dropped.Load() }

// Forwarded returns how many messages were passed on, in both directions.
func (p *Proxy) Forwarded() int64 { return p.forwarded.Load() }

func (p *Proxy) logf(format string, args ...any) {
	p.logMu.Lock()
	defer p.logMu.Unlock()
	fmt.Fprintf(p.opts.Log, "fearless kernel: "+format+"\n", args...)
}

// drop logs a message from the front end that is not passed on: the first
// twenty, then one in a thousand, so a flood cannot fill the log.
func (p *Proxy) drop(ch jupyter.Channel, why error) {
	n := p.dropped.Add(1)
	if n <= 20 || n%1000 == 0 {
		p.logf("dropped a message on %s (%d so far): %v", ch, n, why)
	}
}

// busyTypes are the requests gonb answers with busy and idle statuses.
var busyTypes = map[string]bool{
	"execute_request": true, "inspect_request": true, "complete_request": true, "kernel_info_request": true,
}

// fromFront passes messages from Jupyter to the kernel, answering the
// requests gonb leaves unanswered.
func (p *Proxy) fromFront(ch jupyter.Channel, from, to *sock) {
	for {
		zm, err := from.zs.Recv()
		if err != nil {
			return
		}
		f, err := jupyter.Split(zm.Frames)
		if err != nil {
			p.drop(ch, err)
			continue
		}
		if !p.front.Verify(f.Signature, f.Parts) {
			p.drop(ch, jupyter.ErrBadSignature)
			continue
		}
		var h jupyter.Header
		if err := json.Unmarshal(f.Parts[0], &h); err != nil || h.MsgType == "" || !json.Valid(f.Parts[3]) {
			p.drop(ch, fmt.Errorf("malformed header or content: %s", truncate(f.Parts[0], 120)))
			continue
		}
		if p.opts.Verbosity >= 2 {
			p.logf("%s: %s %s", ch, h.MsgType, h.MsgID)
		}
		if ch != jupyter.Stdin {
			switch h.MsgType {
			case "history_request", "is_complete_request", "comm_info_request":
				p.answer(ch, from, f, h)
				continue
			}
			p.mu.Lock()
			if busyTypes[h.MsgType] {
				p.awaiting[h.MsgID] = true
			}
			if ch == jupyter.Control {
				p.onControl[h.MsgID] = true
			}
			p.mu.Unlock()
			if ch == jupyter.Shell {
				p.noteAssist(h, f.Parts[3])
				if h.MsgType == "execute_request" {
					p.pre.request(h.MsgID, f.Parts[2], f.Parts[3])
				}
			}
		}
		if err := to.send(f.Join(p.backSign)); err != nil {
			p.logf("passing %s on to the %s: %v", h.MsgType, to.name, err)
			continue
		}
		p.forwarded.Add(1)
		if ch == jupyter.Shell && h.MsgType == "execute_request" {
			p.scope.after(f.Parts[3], to)
		}
	}
}

// fromBack passes the kernel's replies (shell, control) and input requests
// (stdin) to Jupyter. A reply to a request that came on control goes back
// on control, whichever socket gonb sent it on.
func (p *Proxy) fromBack(from *sock) {
	for {
		zm, err := from.zs.Recv()
		if err != nil {
			return
		}
		f, err := jupyter.Split(zm.Frames)
		if err != nil {
			p.logf("dropped a malformed message from the %s: %v", from.name, err)
			continue
		}
		if p.scope.owns(msgType(f.Parts[0]), f.Parts[1], f.Parts[3]) {
			continue
		}
		to := p.fShell
		switch from {
		case p.bStdin:
			to = p.fStdin
		case p.bShell, p.bControl:
			var parent struct {
				MsgID string `json:"msg_id"`
			}
			_ = json.Unmarshal(f.Parts[1], &parent)
			p.mu.Lock()
			if p.onControl[parent.MsgID] {
				delete(p.onControl, parent.MsgID)
				to = p.fControl
			}
			p.mu.Unlock()
			if from == p.bShell {
				var pass bool
				if f, pass = p.assistReply(f); !pass {
					continue
				}
			}
		}
		if p.opts.Verbosity >= 2 {
			p.logf("%s → %s: %s", from.name, to.name, msgType(f.Parts[0]))
		}
		if err := to.send(f.Join(p.frontSign)); err != nil {
			p.logf("passing a reply on to Jupyter's %s: %v", to.name, err)
			continue
		}
		p.forwarded.Add(1)
	}
}

// fromBackIOPub publishes the kernel's outputs and statuses to Jupyter,
// noting each cell's input (history, FEARLESS_CELLS) and when the kernel
// goes idle.
func (p *Proxy) fromBackIOPub() {
	for {
		zm, err := p.bIOPub.zs.Recv()
		if err != nil {
			return
		}
		f, err := jupyter.Split(zm.Frames)
		if err != nil {
			p.logf("dropped a malformed message from the kernel's iopub: %v", err)
			continue
		}
		var h, parent jupyter.Header
		_ = json.Unmarshal(f.Parts[0], &h)
		_ = json.Unmarshal(f.Parts[1], &parent)
		if p.scope.owns(h.MsgType, f.Parts[1], f.Parts[3]) {
			continue
		}
		if p.opts.Verbosity >= 2 {
			p.logf("kernel iopub: %s (parent %s %s)", h.MsgType, parent.MsgType, parent.MsgID)
		}
		if p.ownParent(parent.MsgID) {
			continue // the statuses of the proxy's own requests
		}
		var after func()
		switch h.MsgType {
		case "execute_input":
			p.noteInput(f, parent)
		case "display_data":
			f = p.executeResult(f, h, parent)
			after = p.notePoints(f, h, parent)
		case "status":
			p.flushPoints(f, h, parent)
			if bytes.Contains(f.Parts[3], []byte(`"idle"`)) {
				if v := p.pre.idle(parent.MsgID); v != "" {
					p.publish("stream", f.Parts[1], jupyter.Stream{Name: "stderr", Text: v})
				}
			}
			after = p.noteStatus(f, parent)
		}
		if err := p.fIOPub.send(f.Join(p.frontSign)); err != nil {
			p.logf("publishing %s: %v", h.MsgType, err)
		} else {
			p.forwarded.Add(1)
		}
		if after != nil {
			after()
		}
	}
}

// noteInput records a cell's code and execution count.
func (p *Proxy) noteInput(f jupyter.Frames, parent jupyter.Header) {
	var in struct {
		Code           string `json:"code"`
		ExecutionCount int    `json:"execution_count"`
	}
	if err := json.Unmarshal(f.Parts[3], &in); err != nil {
		return
	}
	p.mu.Lock()
	p.counts[parent.MsgID] = in.ExecutionCount
	p.history.add(in.ExecutionCount, in.Code)
	p.mu.Unlock()
	if p.cells != nil {
		p.cells.add(in.ExecutionCount, in.Code)
	}
}

// executeResult turns a display_data marked with ExecuteResultKey into an
// execute_result carrying the cell's execution count.
func (p *Proxy) executeResult(f jupyter.Frames, h, parent jupyter.Header) jupyter.Frames {
	if !bytes.Contains(f.Parts[3], []byte(ExecuteResultKey)) {
		return f
	}
	var c map[string]any
	if err := json.Unmarshal(f.Parts[3], &c); err != nil {
		return f
	}
	meta, _ := c["metadata"].(map[string]any)
	if _, ok := meta[ExecuteResultKey]; !ok {
		return f
	}
	delete(meta, ExecuteResultKey)
	p.mu.Lock()
	count := p.counts[parent.MsgID]
	if data, ok := c["data"].(map[string]any); ok {
		if text, ok := data["text/plain"].(string); ok {
			p.history.output(count, text)
		}
	}
	p.mu.Unlock()
	c["execution_count"] = count
	var hm map[string]any
	if err := json.Unmarshal(f.Parts[0], &hm); err != nil || hm == nil {
		return f
	}
	hm["msg_type"] = "execute_result"
	hb, err1 := json.Marshal(hm)
	content, err2 := json.Marshal(c)
	if err := errors.Join(err1, err2); err != nil {
		return f
	}
	f.Parts[0], f.Parts[3] = hb, content
	f.Signature = p.front.Sign(f.Parts)
	f.Identities = [][]byte{[]byte("kernel.fearless.execute_result")}
	return f
}

// noteStatus follows the kernel's busy and idle statuses. When the kernel
// has finished everything it was asked, it returns what to do once the
// status is published: the proxy's deferred answers and, after a
// kernel_info exchange, an idle status JupyterLab does not ignore.
func (p *Proxy) noteStatus(f jupyter.Frames, parent jupyter.Header) func() {
	var st jupyter.Status
	if err := json.Unmarshal(f.Parts[3], &st); err != nil || st.ExecutionState != "idle" {
		return nil
	}
	p.mu.Lock()
	delete(p.awaiting, parent.MsgID)
	delete(p.counts, parent.MsgID)
	if len(p.awaiting) > 0 {
		p.mu.Unlock()
		return nil
	}
	deferred := p.deferred
	p.deferred = nil
	p.mu.Unlock()
	return func() {
		if parent.MsgType == "kernel_info_request" {
			p.publish("status", nil, jupyter.Status{ExecutionState: "idle"})
		}
		for _, answer := range deferred {
			answer()
		}
	}
}

// answer replies to a request gonb leaves unanswered, between a busy and
// an idle status as a kernel would, once the kernel is idle.
func (p *Proxy) answer(ch jupyter.Channel, to *sock, f jupyter.Frames, h jupyter.Header) {
	var content map[string]any
	_ = json.Unmarshal(f.Parts[3], &content)
	identities, parent := f.Identities, f.Parts[0]
	run := func() {
		p.publish("status", parent, jupyter.Status{ExecutionState: "busy"})
		var reply any
		switch h.MsgType {
		case "history_request":
			p.mu.Lock()
			reply = p.history.reply(content)
			p.mu.Unlock()
		case "is_complete_request":
			code, _ := content["code"].(string)
			status, indent := IsComplete(code)
			r := map[string]any{"status": status}
			if status == "incomplete" {
				r["indent"] = indent
			}
			reply = r
		case "comm_info_request":
			reply = map[string]any{"status": "ok", "comms": map[string]any{}}
		}
		replyType := h.MsgType[:len(h.MsgType)-len("request")] + "reply"
		if err := p.emit(to, identities, ownHeader(replyType, h.Session, h.Username), parent, reply); err != nil {
			p.logf("answering %s on %s: %v", h.MsgType, ch, err)
		}
		p.publish("status", parent, jupyter.Status{ExecutionState: "idle"})
	}
	p.mu.Lock()
	if len(p.awaiting) > 0 {
		p.deferred = append(p.deferred, run)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	run()
}

// publish sends a message of the proxy's own on Jupyter's iopub; parent is
// the raw header of the request it belongs to (nil for none).
func (p *Proxy) publish(msgType string, parent []byte, content any) {
	topic := [][]byte{[]byte("kernel.fearless." + msgType)}
	if err := p.emit(p.fIOPub, topic, ownHeader(msgType, p.session, "fearless"), parent, content); err != nil {
		p.logf("publishing %s: %v", msgType, err)
	}
}

// header is a message header with every field present, as JupyterLab's
// message validation wants (jupyter.Header leaves empty fields out).
type header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

func ownHeader(msgType, session, username string) header {
	h := jupyter.NewHeader(msgType, session, username)
	return header{MsgID: h.MsgID, Session: h.Session, Username: h.Username, Date: h.Date, MsgType: h.MsgType, Version: h.Version}
}

// emit signs and sends a message the proxy makes. The parent header goes
// out byte for byte as the request had it.
func (p *Proxy) emit(s *sock, identities [][]byte, h header, parent []byte, content any) error {
	if len(parent) == 0 {
		parent = []byte("{}")
	}
	f := jupyter.Frames{Identities: identities, Parts: [4][]byte{mustJSON(h), parent, []byte("{}"), mustJSON(content)}}
	return s.send(f.Join(p.front))
}

// heartbeat passes Jupyter's pings to the kernel and its echoes back, so a
// kernel that stops answering looks dead to Jupyter.
func (p *Proxy) heartbeat() {
	for {
		ping, err := p.fHB.zs.Recv()
		if err != nil {
			return
		}
		if err := p.bHB.zs.Send(ping); err != nil {
			return
		}
		pong, err := p.bHB.zs.Recv()
		if err != nil {
			return
		}
		if err := p.fHB.zs.Send(pong); err != nil {
			return
		}
	}
}

func msgType(header []byte) string {
	var h struct {
		MsgType string `json:"msg_type"`
	}
	_ = json.Unmarshal(header, &h)
	return h.MsgType
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("proxy: marshaling content: " + err.Error())
	}
	return b
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
