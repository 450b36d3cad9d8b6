package jupyter

import (
	"context"
	"errors"
	"fmt"
	"os/user"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zeromq/zmq4"
)

// ErrClosed is returned by requests on a client that has been closed.
var ErrClosed = errors.New("jupyter: client closed")

// Client is a connection to a running kernel. Its methods may be called from
// several goroutines; replies and outputs are routed to the request that
// caused them by the parent header's msg_id.
type Client struct {
	signer  *Signer
	session string
	user    string
	cfg     clientConfig

	shell, control, stdin, iopub, hb *socket

	cancel  context.CancelFunc // ends the sockets' lives
	readers sync.WaitGroup     // one reader per channel, plus stuck heartbeats

	mu      sync.Mutex
	replies map[string]chan *Message // by request msg_id
	subs    map[string]*subscription // iopub and stdin, by request msg_id
	err     error                    // why the client stopped working
	dead    chan struct{}            // closed when err is set
	seen    chan struct{}            // closed at the first iopub message
	seenOne sync.Once

	hbMu     sync.Mutex
	hbStuck  bool
	rejected atomic.Int64
}

// socket is a ZeroMQ socket with a send lock: zmq4 sockets are not safe for
// concurrent senders.
type socket struct {
	name Channel
	mu   sync.Mutex
	zs   zmq4.Socket
}

func (s *socket) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.zs.SendMulti(zmq4.NewMsgFrom(frames...))
}

// subscription receives the iopub and stdin messages of one request.
type subscription struct {
	id   string
	ch   chan *Message
	done chan struct{}
}

type clientConfig struct {
	session    string
	username   string
	onRejected func(Channel, error)
	onUnrouted func(*Message)
}

// Option configures a Client.
type Option func(*clientConfig)

// WithSession sets the session id sent in every header (default: random).
func WithSession(id string) Option { return func(c *clientConfig) { c.session = id } }

// WithUsername sets the username sent in every header (default: the OS user).
func WithUsername(name string) Option { return func(c *clientConfig) { c.username = name } }

// OnRejected registers f to hear about every received message that was
// dropped because its signature was wrong or it could not be parsed.
func OnRejected(f func(ch Channel, err error)) Option {
	return func(c *clientConfig) { c.onRejected = f }
}

// OnUnrouted registers f to receive iopub messages that belong to no pending
// request of this client (e.g. the kernel's "starting" status, or outputs of
// other clients' requests). f runs on the client's reader goroutine.
func OnUnrouted(f func(*Message)) Option {
	return func(c *clientConfig) { c.onUnrouted = f }
}

// Dial connects to a kernel's five sockets. It keeps retrying until the
// kernel listens or ctx ends, so it can be called right after the kernel
// process starts. The returned client must be closed.
func Dial(ctx context.Context, info ConnectionInfo, opts ...Option) (*Client, error) {
	signer, err := NewSigner(info.SignatureScheme, info.Key)
	if err != nil {
		return nil, err
	}
	cfg := clientConfig{session: newID(), username: "fearless"}
	if u, err := user.Current(); err == nil {
		cfg.username = u.Username
	}
	for _, o := range opts {
		o(&cfg)
	}
	life, cancel := context.WithCancel(context.Background())
	c := &Client{
		signer: signer, session: cfg.session, user: cfg.username, cfg: cfg,
		cancel:  cancel,
		replies: map[string]chan *Message{},
		subs:    map[string]*subscription{},
		dead:    make(chan struct{}),
		seen:    make(chan struct{}),
	}
	// Shell and stdin share an identity so the kernel can route an
	// input_request (stdin) to the client that sent the execute_request (shell).
	id := zmq4.WithID(zmq4.SocketIdentity(c.session))
	retry := []zmq4.Option{zmq4.WithDialerRetry(50 * time.Millisecond), zmq4.WithDialerMaxRetries(-1)}
	c.shell = &socket{name: Shell, zs: zmq4.NewDealer(life, append(retry, id)...)}
	c.control = &socket{name: Control, zs: zmq4.NewDealer(life, append(retry, id)...)}
	c.stdin = &socket{name: Stdin, zs: zmq4.NewDealer(life, append(retry, id)...)}
	c.iopub = &socket{name: IOPub, zs: zmq4.NewSub(life, retry...)}
	c.hb = &socket{name: Heartbeat, zs: zmq4.NewReq(life, retry...)}
	if err := c.iopub.zs.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		c.closeSockets()
		return nil, fmt.Errorf("jupyter: subscribing to iopub: %w", err)
	}

	dialed := make(chan error, 1)
	go func() {
		for _, p := range []struct {
			s    *socket
			port int
		}{{c.shell, info.ShellPort}, {c.control, info.ControlPort}, {c.stdin, info.StdinPort}, {c.iopub, info.IOPubPort}, {c.hb, info.HBPort}} {
			if err := p.s.zs.Dial(info.addr(p.port)); err != nil {
				dialed <- fmt.Errorf("jupyter: connecting %s channel to %s: %w", p.s.name, info.addr(p.port), err)
				return
			}
		}
		dialed <- nil
	}()
	select {
	case err := <-dialed:
		if err != nil {
			c.closeSockets()
			return nil, err
		}
	case <-ctx.Done():
		c.closeSockets() // ends the dial loop
		<-dialed
		return nil, fmt.Errorf("jupyter: connecting to kernel: %w", ctx.Err())
	}
	for _, s := range []*socket{c.shell, c.control, c.stdin, c.iopub} {
		c.readers.Add(1)
		go c.read(s)
	}
	return c, nil
}

// Session returns the session id of this client.
func (c *Client) Session() string { return c.session }

// Rejected returns how many received messages were dropped because of a bad
// signature or a malformed frame.
func (c *Client) Rejected() int64 { return c.rejected.Load() }

// Err returns why the client stopped working (ErrClosed after Close), or nil.
func (c *Client) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Close disconnects from the kernel (the kernel keeps running) and fails
// every pending request with ErrClosed.
func (c *Client) Close() error {
	c.fail(ErrClosed)
	c.closeSockets()
	c.readers.Wait()
	return nil
}

func (c *Client) closeSockets() {
	c.cancel()
	for _, s := range []*socket{c.shell, c.control, c.stdin, c.iopub, c.hb} {
		if s != nil {
			_ = s.zs.Close()
		}
	}
}

// fail records the first reason the client stopped and wakes every waiter.
func (c *Client) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
		close(c.dead)
	}
}

// read receives from one channel until it fails, routing each message.
func (c *Client) read(s *socket) {
	defer c.readers.Done()
	for {
		zm, err := s.zs.Recv()
		if err != nil {
			c.fail(fmt.Errorf("jupyter: %s channel: %w", s.name, err))
			return
		}
		m, err := decode(c.signer, zm.Frames)
		if err != nil {
			c.rejected.Add(1)
			if c.cfg.onRejected != nil {
				c.cfg.onRejected(s.name, err)
			}
			continue
		}
		m.Channel = s.name
		c.route(m)
	}
}

func (c *Client) route(m *Message) {
	switch m.Channel {
	case Shell, Control:
		c.mu.Lock()
		ch := c.replies[m.ParentID()]
		c.mu.Unlock()
		if ch != nil {
			select {
			case ch <- m: // buffered: one reply per request
			default:
			}
		}
	case IOPub, Stdin:
		if m.Channel == IOPub {
			c.seenOne.Do(func() { close(c.seen) })
		}
		c.mu.Lock()
		sub := c.subs[m.ParentID()]
		c.mu.Unlock()
		if sub == nil {
			if m.Channel == IOPub && c.cfg.onUnrouted != nil {
				c.cfg.onUnrouted(m)
			}
			return
		}
		select {
		case sub.ch <- m:
		case <-sub.done:
		case <-c.dead:
		}
	}
}

// newMessage builds a request of this session.
func (c *Client) newMessage(msgType string, content any) *Message {
	return &Message{
		Header:  newHeader(msgType, c.session, c.user),
		Content: rawJSON(content),
	}
}

func (c *Client) send(s *socket, m *Message) error {
	if err := c.Err(); err != nil {
		return err
	}
	frames, err := encode(c.signer, m)
	if err != nil {
		return err
	}
	if err := s.send(frames); err != nil {
		return fmt.Errorf("jupyter: sending %s on %s: %w", m.Type(), s.name, err)
	}
	return nil
}

// expect registers interest in the reply to request id.
func (c *Client) expect(id string) chan *Message {
	ch := make(chan *Message, 1)
	c.mu.Lock()
	c.replies[id] = ch
	c.mu.Unlock()
	return ch
}

func (c *Client) forget(id string) {
	c.mu.Lock()
	delete(c.replies, id)
	c.mu.Unlock()
}

func (c *Client) subscribe(id string) *subscription {
	sub := &subscription{id: id, ch: make(chan *Message, 64), done: make(chan struct{})}
	c.mu.Lock()
	c.subs[id] = sub
	c.mu.Unlock()
	return sub
}

func (c *Client) unsubscribe(sub *subscription) {
	c.mu.Lock()
	delete(c.subs, sub.id)
	c.mu.Unlock()
	close(sub.done)
}

// socketFor returns the socket of a request channel.
func (c *Client) socketFor(ch Channel) (*socket, error) {
	switch ch {
	case Shell:
		return c.shell, nil
	case Control:
		return c.control, nil
	}
	return nil, fmt.Errorf("jupyter: requests go on shell or control, not %s", ch)
}

// Request sends a request of type msgType on the shell or control channel and
// waits for its reply. Outputs it causes on iopub are not collected.
func (c *Client) Request(ctx context.Context, ch Channel, msgType string, content any) (*Message, error) {
	s, err := c.socketFor(ch)
	if err != nil {
		return nil, err
	}
	m := c.newMessage(msgType, content)
	replies := c.expect(m.Header.MsgID)
	defer c.forget(m.Header.MsgID)
	if err := c.send(s, m); err != nil {
		return nil, err
	}
	select {
	case r := <-replies:
		return r, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("jupyter: waiting for reply to %s: %w", msgType, ctx.Err())
	case <-c.dead:
		return nil, c.Err()
	}
}
