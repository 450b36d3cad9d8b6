package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/fearless-go/fearless/kernel/internal/atomicfile"
)

// Marshal returns the notebook as nbformat writes it: keys sorted, one-space
// indent, non-ASCII kept as is, text split into lines, a final newline.
// Transient fields nbformat never stores (metadata.signature,
// orig_nbformat, a cell's metadata.trusted) are left out. Cells of an
// nbformat 4.5+ notebook that have no id get one.
func Marshal(nb *Notebook) ([]byte, error) {
	tree, err := nb.tree()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(tree); err != nil {
		return nil, err
	}
	return unescapeSeparators(buf.Bytes()), nil
}

// unescapeSeparators writes U+2028 and U+2029 as themselves, as Python's
// json.dumps(ensure_ascii=False) does; encoding/json always escapes them.
// An escape preceded by an odd number of backslashes is a literal
// backslash followed by "u2028" and stays as it is.
func unescapeSeparators(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u202`)) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+5 < len(b) && string(b[i+1:i+5]) == "u202" && (b[i+5] == '8' || b[i+5] == '9') {
			slashes := 0
			for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
				slashes++
			}
			if slashes%2 == 0 {
				out = append(out, string(rune(0x2020+rune(b[i+5]-'0')))...)
				i += 5
				continue
			}
		}
		out = append(out, b[i])
	}
	return out
}

// Write writes the notebook to path (creating its directory), replacing any
// previous file atomically.
func Write(path string, nb *Notebook) error {
	data, err := Marshal(nb)
	if err != nil {
		return fmt.Errorf("notebook: %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("notebook: %w", err)
	}
	if err := atomicfile.Write(path, data, 0o644); err != nil {
		return fmt.Errorf("notebook: %w", err)
	}
	return nil
}

// tree builds the generic JSON value Marshal encodes; maps sort their keys.
func (nb *Notebook) tree() (map[string]any, error) {
	top, err := withExtra(nb.Extra)
	if err != nil {
		return nil, err
	}
	meta := without(nb.Metadata, "signature", "orig_nbformat", "orig_nbformat_minor")
	top["metadata"] = meta
	top["nbformat"] = nb.NBFormat
	top["nbformat_minor"] = nb.NBFormatMinor
	cells := make([]any, 0, len(nb.Cells))
	for _, c := range nb.Cells {
		if c.ID == "" && nb.needsIDs() {
			c.ID = newCellID()
		}
		t, err := c.tree()
		if err != nil {
			return nil, err
		}
		cells = append(cells, t)
	}
	top["cells"] = cells
	return top, nil
}

func (c *Cell) tree() (map[string]any, error) {
	t, err := withExtra(c.Extra)
	if err != nil {
		return nil, err
	}
	t["cell_type"] = c.CellType
	if c.ID != "" {
		t["id"] = c.ID
	}
	t["metadata"] = without(c.Metadata, "trusted")
	t["source"] = splitLines(c.Source)
	if c.CellType == Code {
		outs := make([]any, 0, len(c.Outputs))
		for _, o := range c.Outputs {
			ot, err := o.tree()
			if err != nil {
				return nil, err
			}
			outs = append(outs, ot)
		}
		t["outputs"] = outs
		t["execution_count"] = c.ExecutionCount
	} else if c.Attachments != nil {
		att := map[string]any{}
		for name, bundle := range c.Attachments {
			if m, ok := bundle.(map[string]any); ok {
				bundle = splitBundle(m)
			}
			att[name] = bundle
		}
		t["attachments"] = att
	}
	return t, nil
}

func (o *Output) tree() (map[string]any, error) {
	t, err := withExtra(o.Extra)
	if err != nil {
		return nil, err
	}
	t["output_type"] = o.OutputType
	switch o.OutputType {
	case Stream:
		t["name"] = o.Name
		t["text"] = splitLines(o.Text)
	case DisplayData, ExecuteResult:
		t["data"] = splitBundle(o.Data)
		t["metadata"] = without(o.Metadata)
		if o.OutputType == ExecuteResult {
			t["execution_count"] = o.ExecutionCount
		}
	case Error:
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		t["ename"], t["evalue"], t["traceback"] = o.Ename, o.Evalue, tb
	}
	return t, nil
}

// withExtra starts a JSON object from the unknown fields read with it.
func withExtra(extra map[string]json.RawMessage) (map[string]any, error) {
	t := make(map[string]any, len(extra)+6)
	for k, raw := range extra {
		v, err := decodeAny(raw)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", k, err)
		}
		t[k] = v
	}
	return t, nil
}

// without returns a copy of m (never nil) lacking the given keys.
func without(m map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// splitBundle returns a copy of a MIME bundle with text values split into
// lines: text/*, application/javascript and image/svg+xml, as nbformat does.
func splitBundle(data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for k, v := range data {
		s, ok := v.(string)
		if ok && (strings.HasPrefix(k, "text/") || k == "application/javascript" || k == "image/svg+xml") {
			out[k] = splitLines(s)
		} else {
			out[k] = v
		}
	}
	return out
}

// splitLines splits s after every line boundary, keeping the boundaries,
// exactly like Python's str.splitlines(True).
func splitLines(s string) []string {
	lines := []string{}
	start := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		end := -1
		switch r {
		case '\r':
			end = i + 1
			if end < len(s) && s[end] == '\n' {
				end++
			}
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			end = i + size
		}
		if end < 0 {
			i += size
			continue
		}
		lines = append(lines, s[start:end])
		start, i = end, end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}
