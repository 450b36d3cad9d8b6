package proxy

import (
	"bufio"
	"context"
	"net"
	"strings"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// bufferedTCP is the proxy's own name for TCP in ZeroMQ endpoints: the same
// wire, but each connection reads through a buffer. zmq4 reads every frame
// header and body with a read system call of its own, about sixteen for one
// Jupyter message; through a buffer a message usually takes one.
const bufferedTCP = "fearless-tcp"

func init() {
	if err := zmq4.RegisterTransport(bufferedTCP, bufTransport{transport.New("tcp")}); err != nil {
		panic(err)
	}
}

// endpoint returns addr with its tcp:// scheme replaced by the buffered one.
func endpoint(addr string) string {
	if rest, ok := strings.CutPrefix(addr, "tcp://"); ok {
		return bufferedTCP + "://" + rest
	}
	return addr
}

type bufTransport struct{ tcp transport.Transport }

func (t bufTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	c, err := t.tcp.Dial(ctx, d, addr)
	if err != nil {
		return nil, err
	}
	return buffered(c), nil
}

func (t bufTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.tcp.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return bufListener{l}, nil
}

func (t bufTransport) Addr(ep string) (string, error) { return t.tcp.Addr(ep) }

type bufListener struct{ net.Listener }

func (l bufListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return buffered(c), nil
}

// bufConn embeds the *net.TCPConn, so writes keep using writev (net.Buffers
// looks for the connection's own method), and reads go through a buffer.
type bufConn struct {
	*net.TCPConn
	r *bufio.Reader
}

func (c *bufConn) Read(p []byte) (int, error) { return c.r.Read(p) }

func buffered(c net.Conn) net.Conn {
	tcp, ok := c.(*net.TCPConn)
	if !ok {
		return c
	}
	return &bufConn{TCPConn: tcp, r: bufio.NewReaderSize(tcp, 64<<10)}
}
