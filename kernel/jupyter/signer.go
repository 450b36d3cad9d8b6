package jupyter

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
)

// Signer signs and checks messages with the connection's key. An empty key
// means the kernel does not sign (the protocol allows it); every message then
// carries an empty signature.
type Signer struct {
	key []byte
}

// NewSigner returns a signer for a connection's scheme and key. Only
// hmac-sha256, the scheme every Jupyter tool uses, is supported.
func NewSigner(scheme, key string) (*Signer, error) {
	if key != "" && scheme != "hmac-sha256" {
		return nil, fmt.Errorf("jupyter: signature scheme %q is not supported (only hmac-sha256)", scheme)
	}
	return &Signer{key: []byte(key)}, nil
}

func (s *Signer) mac() hash.Hash { return hmac.New(sha256.New, s.key) }

// Sign returns the hex signature of the four message parts (header, parent
// header, metadata, content), or nil when there is no key.
func (s *Signer) Sign(parts [4][]byte) []byte {
	if len(s.key) == 0 {
		return nil
	}
	m := s.mac()
	for _, p := range parts {
		m.Write(p)
	}
	sum := m.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// Verify reports whether sig is the signature of the parts, in constant time.
func (s *Signer) Verify(sig []byte, parts [4][]byte) bool {
	if len(s.key) == 0 {
		return true
	}
	return hmac.Equal(s.Sign(parts), sig)
}
