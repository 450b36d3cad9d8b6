package notebook

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// Files written by nbformat itself come back byte for byte.
func TestRoundTripMatchesNbformat(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ipynb")
	more, _ := filepath.Glob("../testdata/*/*.ipynb")
	for _, f := range append(files, more...) {
		if strings.Contains(f, "malformed") {
			continue
		}
		want, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		nb, err := Read(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, err := Marshal(nb)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: written differently from nbformat:\n%s", f, firstDiff(got, want))
		}
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got " + g[i] + "\nwant " + w[i]
		}
	}
	return "lengths differ: " + itoa(len(g)) + " vs " + itoa(len(w)) + " lines"
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestReadKeepsWhatItDoesNotKnow(t *testing.T) {
	nb, err := Read("testdata/tricky.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if string(nb.Extra["extra_top"]) != `"kept too"` || string(nb.Cells[1].Extra["custom_field"]) != "{\n    \"kept\": 1\n   }" {
		t.Fatalf("unknown fields: %q / %q", nb.Extra, nb.Cells[1].Extra)
	}
	code := nb.Cells[1]
	if code.Source != "%%\nfmt.Println(\"<b>&</b>\")\n" || *code.ExecutionCount != 3 || len(code.Outputs) != 5 {
		t.Fatalf("code cell %+v", code)
	}
	if code.Outputs[0].Text != "<b>&</b>\nsecond line\n" || code.Outputs[2].Data["text/html"] != "<p>one</p>\n<p>two</p>" {
		t.Fatalf("outputs were not joined: %+v", code.Outputs[:3])
	}
	if _, ok := code.Outputs[2].Data["application/json"].(map[string]any); !ok {
		t.Fatalf("JSON MIME data must stay an object: %T", code.Outputs[2].Data["application/json"])
	}
	if !nb.Cells[2].HasTag("raises-exception") || nb.Cells[2].HasTag("nope") || len(nb.Cells[2].Tags()) != 2 {
		t.Fatalf("tags %v", nb.Cells[2].Tags())
	}
	if nb.KernelName() != "fearless" {
		t.Fatalf("kernel name %q", nb.KernelName())
	}
}

func TestMalformedJSONSaysWhere(t *testing.T) {
	_, err := Read("../testdata/fail/malformed.ipynb")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 5 || pe.Path != "../testdata/fail/malformed.ipynb" {
		t.Fatalf("err = %v (%+v)", err, pe)
	}
	if !strings.HasPrefix(err.Error(), "../testdata/fail/malformed.ipynb:5:") || !strings.Contains(err.Error(), "invalid JSON") {
		t.Fatalf("message %q", err)
	}
}

func TestParseRejectsNonNotebooks(t *testing.T) {
	for src, want := range map[string]string{
		`[]`:                           "invalid JSON",
		`{"cells": []}`:                "no nbformat",
		`{"nbformat": 4}`:              "no cells",
		`{"nbformat": 3, "cells": []}`: "nbformat 3 is not supported",
		`{"nbformat": 4, "cells": [{"cell_type": "pie"}]}`:                                                            `unknown cell_type "pie"`,
		`{"nbformat": 4, "cells": [{"cell_type": "code", "source": 7}]}`:                                              "source",
		`{"nbformat": 4, "cells": [{"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stdlog"}]}]}`: "stdlog",
		"{\n\"nbformat\": 4,\n\"cells\": [\n}":                                                                        "notebook:4:1:",
	} {
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%s) = %v, want an error mentioning %q", src, err, want)
		}
	}
}

func TestSplitLinesIsPythonSplitlines(t *testing.T) {
	for in, want := range map[string][]string{
		"":               {},
		"a":              {"a"},
		"a\n":            {"a\n"},
		"a\nb":           {"a\n", "b"},
		"a\r\nb\rc\n":    {"a\r\n", "b\r", "c\n"},
		"\n\n":           {"\n", "\n"},
		"a\vb\fc\x1cd":   {"a\v", "b\f", "c\x1c", "d"},
		"é\u2028ü\u0085": {"é\u2028", "ü\u0085"},
	} {
		if got := splitLines(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitLines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewNotebookGetsIDsAndClears(t *testing.T) {
	nb := New("fearless", "Go (Fearless)", "go")
	c := nb.Add(NewCode("%%\nfmt.Println(1)").Tag("raises-exception").Tag("raises-exception"))
	nb.Add(NewMarkdown("# title"))
	one := 1
	c.ExecutionCount = &one
	c.Outputs = append(c.Outputs, NewStream("stdout", "1\n"))
	if c.ID == "" || len(c.Tags()) != 1 {
		t.Fatalf("cell %+v", c)
	}
	nb.ClearOutputs()
	if c.ExecutionCount != nil || len(c.Outputs) != 0 {
		t.Fatalf("ClearOutputs left %+v", c)
	}
	// Cells of a 4.5 notebook read without ids get one when written.
	nb2, err := Parse([]byte(`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "x", "metadata": {}, "outputs": [], "execution_count": null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := Marshal(nb2)
	if !strings.Contains(string(out), `"id": "`) {
		t.Fatalf("no id written:\n%s", out)
	}
	// ... but a 4.4 notebook does not need them.
	old, _ := Read("testdata/minor4.ipynb")
	out, _ = Marshal(old)
	if strings.Contains(string(out), `"id"`) {
		t.Fatalf("id added to an nbformat 4.4 notebook:\n%s", out)
	}
}

func TestWriteIsAtomicAndCreatesDirs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	nb := New("fearless", "Go (Fearless)", "go")
	nb.Add(NewCode("x"))
	path := filepath.Join(dir, "x.ipynb")
	if err := Write(path, nb); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("Write left %v", entries)
	}
	back, err := Read(path)
	if err != nil || len(back.Cells) != 1 || back.Cells[0].Source != "x" {
		t.Fatalf("read back %+v %v", back, err)
	}
}

func TestSeparatorsWrittenRaw(t *testing.T) {
	nb := New("k", "K", "go")
	nb.Add(NewCode("a\u2028b \\u2028 literal"))
	out, _ := Marshal(nb)
	if !strings.Contains(string(out), "a\u2028") || !strings.Contains(string(out), `\\u2028 literal`) {
		t.Fatalf("separators: %s", out)
	}
}
