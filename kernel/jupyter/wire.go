package jupyter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// delimiter separates routing identities from the signed message frames.
var delimiter = []byte("<IDS|MSG>")

// ErrBadSignature is returned when a received message's HMAC does not match
// the connection key: such a message is dropped.
var ErrBadSignature = errors.New("jupyter: message has a bad signature")

// encode turns a message into wire frames, signed with s.
func encode(s *Signer, m *Message) ([][]byte, error) {
	var parts [4][]byte
	var err error
	if parts[0], err = json.Marshal(m.Header); err != nil {
		return nil, err
	}
	if parts[1], err = json.Marshal(m.ParentHeader); err != nil {
		return nil, err
	}
	meta := m.Metadata
	if meta == nil {
		meta = map[string]any{}
	}
	if parts[2], err = json.Marshal(meta); err != nil {
		return nil, err
	}
	parts[3] = m.Content
	if len(parts[3]) == 0 {
		parts[3] = []byte("{}")
	}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, delimiter, s.Sign(parts))
	frames = append(frames, parts[:]...)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// decode parses wire frames and checks their signature. A message with a bad
// signature returns ErrBadSignature and is not parsed further.
func decode(s *Signer, frames [][]byte) (*Message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], delimiter) {
		i++
	}
	if len(frames)-i < 6 {
		return nil, fmt.Errorf("jupyter: malformed message: %d frames, no complete <IDS|MSG> section", len(frames))
	}
	parts := [4][]byte{frames[i+2], frames[i+3], frames[i+4], frames[i+5]}
	if !s.Verify(frames[i+1], parts) {
		return nil, ErrBadSignature
	}
	m := &Message{Identities: frames[:i], Content: json.RawMessage(parts[3])}
	if err := json.Unmarshal(parts[0], &m.Header); err != nil {
		return nil, fmt.Errorf("jupyter: malformed header: %w", err)
	}
	if err := json.Unmarshal(parts[1], &m.ParentHeader); err != nil {
		return nil, fmt.Errorf("jupyter: malformed parent header: %w", err)
	}
	if err := json.Unmarshal(parts[2], &m.Metadata); err != nil {
		return nil, fmt.Errorf("jupyter: malformed metadata: %w", err)
	}
	if len(frames) > i+6 {
		m.Buffers = frames[i+6:]
	}
	return m, nil
}
