package jupyter

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/fearless-go/fearless/kernel/kernelspec"
)

func TestSignMatchesJupyterDefinition(t *testing.T) {
	// HMAC-SHA256 over header, parent header, metadata and content, hex
	// encoded; the value was computed independently with Python's
	// hmac.new(b"secret", b"".join(parts), hashlib.sha256).hexdigest().
	s, err := NewSigner("hmac-sha256", "secret")
	if err != nil {
		t.Fatal(err)
	}
	parts := [4][]byte{[]byte(`{"msg_id":"1"}`), []byte(`{}`), []byte(`{}`), []byte(`{"code":"1+1"}`)}
	got := string(s.Sign(parts))
	const want = "8b401df890f3e1a0a11fe0065dc9c527656a04e4c12230f675f0a5b83a2f600c"
	if got != want {
		t.Fatalf("signature %s, want %s", got, want)
	}
	if !s.Verify([]byte(got), parts) {
		t.Fatal("a message does not verify with its own signature")
	}
}

func TestUnknownSchemeRefused(t *testing.T) {
	if _, err := NewSigner("hmac-md5", "k"); err == nil {
		t.Fatal("hmac-md5 accepted; only hmac-sha256 is supported")
	}
	if _, err := NewSigner("", ""); err != nil {
		t.Fatalf("no key, no scheme must be allowed (unsigned kernels): %v", err)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", "k")
	m := &Message{
		Identities:   [][]byte{[]byte("peer")},
		Header:       newHeader("execute_request", "sess", "me"),
		ParentHeader: Header{MsgID: "parent"},
		Metadata:     map[string]any{"a": "b"},
		Content:      json.RawMessage(`{"code":"x"}`),
		Buffers:      [][]byte{{1, 2, 3}},
	}
	frames, err := encode(s, m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decode(s, frames)
	if err != nil {
		t.Fatal(err)
	}
	if got.Header != m.Header || got.ParentID() != "parent" || string(got.Content) != `{"code":"x"}` ||
		got.Metadata["a"] != "b" || !bytes.Equal(got.Identities[0], []byte("peer")) || !bytes.Equal(got.Buffers[0], []byte{1, 2, 3}) {
		t.Fatalf("round trip changed the message:\n got %+v\nwant %+v", got, m)
	}
}

func TestDecodeRejectsBadSignature(t *testing.T) {
	good, _ := NewSigner("hmac-sha256", "right key")
	bad, _ := NewSigner("hmac-sha256", "wrong key")
	m := &Message{Header: newHeader("status", "s", "u"), Content: json.RawMessage(`{"execution_state":"idle"}`)}
	frames, _ := encode(bad, m)
	if _, err := decode(good, frames); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("decode of a message signed with another key: got %v, want ErrBadSignature", err)
	}
	// Tampering with the content after signing is caught too.
	frames, _ = encode(good, m)
	frames[len(frames)-1] = []byte(`{"execution_state":"busy"}`)
	if _, err := decode(good, frames); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("decode of tampered content: got %v, want ErrBadSignature", err)
	}
}

func TestDecodeRejectsMalformedFrames(t *testing.T) {
	s, _ := NewSigner("", "")
	for _, frames := range [][][]byte{
		nil,
		{[]byte("no delimiter")},
		{delimiter, []byte(""), []byte("{}")},
		{delimiter, []byte(""), []byte("not json"), []byte("{}"), []byte("{}"), []byte("{}")},
	} {
		if _, err := decode(s, frames); err == nil {
			t.Errorf("decode(%q) succeeded", frames)
		}
	}
}

func TestParentHeaderEncodesEmptyAsObject(t *testing.T) {
	b, _ := json.Marshal(Header{})
	if string(b) != "{}" {
		t.Fatalf("empty header encodes as %s, want {}", b)
	}
}

func TestConnectionFileRoundTrip(t *testing.T) {
	info, err := NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	ports := map[int]bool{info.ShellPort: true, info.IOPubPort: true, info.StdinPort: true, info.ControlPort: true, info.HBPort: true}
	if len(ports) != 5 || len(info.Key) != 64 {
		t.Fatalf("want 5 distinct ports and a 32-byte hex key, got %+v", info)
	}
	path := filepath.Join(t.TempDir(), "kernel-x.json")
	if err := info.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadConnectionFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if back != info {
		t.Fatalf("read back %+v, wrote %+v", back, info)
	}
}

func TestExpandArgv(t *testing.T) {
	spec := &kernelspec.Spec{Dir: "/k/fearless", Argv: []string{"{resource_dir}/bin/x", "-f", "{connection_file}", "{unknown}"}}
	got := expandArgv(spec, "/run/kernel-1.json")
	want := []string{"/k/fearless/bin/x", "-f", "/run/kernel-1.json", "{unknown}"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("expandArgv = %q, want %q", got, want)
		}
	}
}

func TestTailKeepsTheEnd(t *testing.T) {
	tl := newTail(8)
	tl.Write([]byte("0123456789"))
	tl.Write([]byte("ab"))
	if got := tl.String(); got != "…456789ab" {
		t.Fatalf("tail = %q", got)
	}
}
