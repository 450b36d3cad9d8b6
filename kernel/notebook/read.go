package notebook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ParseError says why a file is not a readable notebook. For bad JSON, Line
// and Col (1-based) point at the problem.
type ParseError struct {
	Path      string // the file, when read from one
	Line, Col int    // position of a JSON syntax error, else 0
	Err       error
}

// Error gives the path, the position when known, and the problem.
func (e *ParseError) Error() string {
	where := e.Path
	if where == "" {
		where = "notebook"
	}
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", where, e.Line, e.Col)
	}
	return fmt.Sprintf("%s: %v", where, e.Err)
}

// Unwrap returns the underlying error (e.g. a *json.SyntaxError).
func (e *ParseError) Unwrap() error { return e.Err }

// Read reads and parses the notebook at path.
func Read(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	nb, err := Parse(data)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Path = path
		}
		return nil, err
	}
	return nb, nil
}

// Parse parses a notebook from its JSON text.
func Parse(data []byte) (*Notebook, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(data, err)
	}
	nb := &Notebook{Extra: map[string]json.RawMessage{}}
	for k, raw := range top {
		var err error
		switch k {
		case "nbformat":
			err = json.Unmarshal(raw, &nb.NBFormat)
		case "nbformat_minor":
			err = json.Unmarshal(raw, &nb.NBFormatMinor)
		case "metadata":
			nb.Metadata, err = decodeObject(raw)
		case "cells":
			nb.Cells, err = parseCells(raw)
		default:
			nb.Extra[k] = raw
		}
		if err != nil {
			return nil, &ParseError{Err: fmt.Errorf("%s: %w", k, err)}
		}
	}
	if _, ok := top["nbformat"]; !ok {
		return nil, &ParseError{Err: errors.New("not a notebook: no nbformat field")}
	}
	if _, ok := top["cells"]; !ok {
		return nil, &ParseError{Err: errors.New("not an nbformat 4 notebook: no cells field")}
	}
	if nb.Metadata == nil {
		nb.Metadata = map[string]any{}
	}
	if err := nb.Validate(); err != nil {
		return nil, &ParseError{Err: err}
	}
	return nb, nil
}

// jsonError wraps a JSON error with the line and column it happened at.
func jsonError(data []byte, err error) error {
	var offset int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		offset = se.Offset - 1 // Offset counts the offending byte
	case errors.As(err, &te):
		offset = te.Offset
	}
	pe := &ParseError{Err: fmt.Errorf("invalid JSON: %w", err)}
	if offset >= 0 {
		before := data[:min(int(offset), len(data))]
		// Line and column of the byte at offset, both 1-based.
		pe.Line = bytes.Count(before, []byte("\n")) + 1
		pe.Col = len(before) - bytes.LastIndexByte(before, '\n')
	}
	return pe
}

func parseCells(raw json.RawMessage) ([]*Cell, error) {
	var list []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	cells := make([]*Cell, 0, len(list))
	for i, fields := range list {
		c := &Cell{Extra: map[string]json.RawMessage{}}
		for k, v := range fields {
			var err error
			switch k {
			case "id":
				err = json.Unmarshal(v, &c.ID)
			case "cell_type":
				err = json.Unmarshal(v, &c.CellType)
			case "metadata":
				c.Metadata, err = decodeObject(v)
			case "source":
				c.Source, err = multiline(v)
			case "outputs":
				c.Outputs, err = parseOutputs(v)
			case "execution_count":
				err = json.Unmarshal(v, &c.ExecutionCount)
			case "attachments":
				c.Attachments, err = decodeObject(v)
				for _, bundle := range c.Attachments {
					if m, ok := bundle.(map[string]any); ok {
						joinBundle(m)
					}
				}
			default:
				c.Extra[k] = v
			}
			if err != nil {
				return nil, fmt.Errorf("cell %d: %s: %w", i, k, err)
			}
		}
		if c.Metadata == nil {
			c.Metadata = map[string]any{}
		}
		if c.CellType == Code && c.Outputs == nil {
			c.Outputs = []*Output{}
		}
		cells = append(cells, c)
	}
	return cells, nil
}

func parseOutputs(raw json.RawMessage) ([]*Output, error) {
	var list []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	outs := make([]*Output, 0, len(list))
	for i, fields := range list {
		o := &Output{Extra: map[string]json.RawMessage{}}
		for k, v := range fields {
			var err error
			switch k {
			case "output_type":
				err = json.Unmarshal(v, &o.OutputType)
			case "name":
				err = json.Unmarshal(v, &o.Name)
			case "text":
				o.Text, err = multiline(v)
			case "data":
				o.Data, err = decodeObject(v)
				joinBundle(o.Data)
			case "metadata":
				o.Metadata, err = decodeObject(v)
			case "execution_count":
				err = json.Unmarshal(v, &o.ExecutionCount)
			case "ename":
				err = json.Unmarshal(v, &o.Ename)
			case "evalue":
				err = json.Unmarshal(v, &o.Evalue)
			case "traceback":
				err = json.Unmarshal(v, &o.Traceback)
			default:
				o.Extra[k] = v
			}
			if err != nil {
				return nil, fmt.Errorf("output %d: %s: %w", i, k, err)
			}
		}
		outs = append(outs, o)
	}
	return outs, nil
}

// multiline reads an nbformat multi-line string: a string or a list of lines.
func multiline(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var lines []string
	if err := json.Unmarshal(raw, &lines); err != nil {
		return "", errors.New("want a string or a list of strings")
	}
	return strings.Join(lines, ""), nil
}

// decodeObject decodes a JSON object keeping numbers exactly as written.
func decodeObject(raw json.RawMessage) (map[string]any, error) {
	v, err := decodeAny(raw)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("want an object")
	}
	return m, nil
}

func decodeAny(raw json.RawMessage) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// isJSONMime reports whether a MIME type's value is JSON data, never split
// into lines (nbformat's rule).
func isJSONMime(mime string) bool {
	return mime == "application/json" || strings.HasPrefix(mime, "application/") && strings.HasSuffix(mime, "+json")
}

// joinBundle joins the line lists of a MIME bundle's text values.
func joinBundle(data map[string]any) {
	for k, v := range data {
		list, ok := v.([]any)
		if !ok || isJSONMime(k) {
			continue
		}
		if joined, ok := joinStrings(list); ok {
			data[k] = joined
		}
	}
}

// joinStrings concatenates a list that holds only strings.
func joinStrings(list []any) (string, bool) {
	var b strings.Builder
	for _, line := range list {
		s, ok := line.(string)
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}
