package jupyter

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"time"
)

// ProtocolVersion is the version of the messaging protocol the client speaks.
const ProtocolVersion = "5.3"

// Channel names one of the kernel's sockets.
type Channel string

// The kernel's channels.
const (
	Shell     Channel = "shell"
	IOPub     Channel = "iopub"
	Control   Channel = "control"
	Stdin     Channel = "stdin"
	Heartbeat Channel = "hb"
)

// Header identifies a message. The parent header of a message is the header
// of the request that caused it; an empty header encodes as {}.
type Header struct {
	MsgID    string `json:"msg_id,omitempty"`
	Session  string `json:"session,omitempty"`
	Username string `json:"username,omitempty"`
	Date     string `json:"date,omitempty"`
	MsgType  string `json:"msg_type,omitempty"`
	Version  string `json:"version,omitempty"`
}

// Message is one Jupyter message, as sent or received. Content is kept as raw
// JSON; decode it with Decode into the type that matches Header.MsgType.
type Message struct {
	Channel      Channel         // the channel it arrived on (not sent)
	Identities   [][]byte        // routing prefix (ZeroMQ identities or a pub topic)
	Header       Header          // this message's header
	ParentHeader Header          // the request's header, for replies and outputs
	Metadata     map[string]any  // free-form metadata
	Content      json.RawMessage // the message body
	Buffers      [][]byte        // extra binary frames
}

// Type returns the message type, e.g. "stream" or "execute_reply".
func (m *Message) Type() string { return m.Header.MsgType }

// ParentID returns the id of the request this message answers.
func (m *Message) ParentID() string { return m.ParentHeader.MsgID }

// Decode unmarshals the content into v.
func (m *Message) Decode(v any) error {
	if err := json.Unmarshal(m.Content, v); err != nil {
		return fmt.Errorf("jupyter: decoding %s content: %w", m.Header.MsgType, err)
	}
	return nil
}

// newHeader returns a header for a new message of a session.
func newHeader(msgType, session, username string) Header {
	return Header{
		MsgID:    newID(),
		Session:  session,
		Username: username,
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// newID returns a random UUID (version 4), the form Jupyter uses for ids.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
