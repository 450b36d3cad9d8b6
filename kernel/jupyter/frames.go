package jupyter

import (
	"bytes"
	"fmt"
)

// This file exports the wire format for programs that stand on the kernel's
// side of a connection (a proxy in front of a kernel, a fake kernel in a
// test): the client itself uses the unexported forms.

// Encode turns a message into signed wire frames: its identities, the
// <IDS|MSG> delimiter, the signature, the four JSON parts and its buffers.
func (s *Signer) Encode(m *Message) ([][]byte, error) { return encode(s, m) }

// Decode parses wire frames and checks their signature: a message with a bad
// signature returns ErrBadSignature, a malformed one another error.
func (s *Signer) Decode(frames [][]byte) (*Message, error) { return decode(s, frames) }

// Frames is a message on the wire, split but not parsed: what a proxy needs
// to look at a message and pass it on unchanged.
type Frames struct {
	Identities [][]byte // routing prefix, before <IDS|MSG>
	Signature  []byte
	Parts      [4][]byte // header, parent header, metadata, content (JSON)
	Buffers    [][]byte
}

// Split splits wire frames at the <IDS|MSG> delimiter without parsing the
// JSON parts or checking the signature.
func Split(frames [][]byte) (Frames, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], delimiter) {
		i++
	}
	if len(frames)-i < 6 {
		return Frames{}, fmt.Errorf("jupyter: malformed message: %d frames, no complete <IDS|MSG> section", len(frames))
	}
	f := Frames{Identities: frames[:i], Signature: frames[i+1], Parts: [4][]byte{frames[i+2], frames[i+3], frames[i+4], frames[i+5]}}
	if len(frames) > i+6 {
		f.Buffers = frames[i+6:]
	}
	return f, nil
}

// Join returns the wire frames of f, signed again with s when s is not nil
// (when the next hop uses another key).
func (f Frames) Join(s *Signer) [][]byte {
	sig := f.Signature
	if s != nil {
		sig = s.Sign(f.Parts)
	}
	out := make([][]byte, 0, len(f.Identities)+6+len(f.Buffers))
	out = append(out, f.Identities...)
	out = append(out, delimiter, sig)
	out = append(out, f.Parts[:]...)
	return append(out, f.Buffers...)
}

// NewHeader returns a header for a new message of a session, with a fresh
// msg_id, the current time and this package's protocol version.
func NewHeader(msgType, session, username string) Header {
	return newHeader(msgType, session, username)
}

// Endpoint returns the ZeroMQ address of one of the connection's channels,
// e.g. "tcp://127.0.0.1:53411".
func (c ConnectionInfo) Endpoint(ch Channel) string {
	switch ch {
	case Shell:
		return c.addr(c.ShellPort)
	case IOPub:
		return c.addr(c.IOPubPort)
	case Stdin:
		return c.addr(c.StdinPort)
	case Control:
		return c.addr(c.ControlPort)
	case Heartbeat:
		return c.addr(c.HBPort)
	}
	return ""
}
