package runner

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/notebook"
)

func msg(t *testing.T, typ string, content any) *jupyter.Message {
	t.Helper()
	b, err := json.Marshal(content)
	if err != nil {
		t.Fatal(err)
	}
	return &jupyter.Message{Channel: jupyter.IOPub, Header: jupyter.Header{MsgType: typ}, Content: b}
}

func newTestCollector(limit int) (*collector, *notebook.Cell, *CellResult, *int) {
	cell := notebook.NewCode("x")
	res := &CellResult{}
	hits := new(int)
	return newCollector(cell, res, limit, map[string][]*notebook.Output{}, func() { *hits++ }), cell, res, hits
}

func TestCollectorMergesStreams(t *testing.T) {
	c, cell, res, _ := newTestCollector(1 << 20)
	c.handle(msg(t, "execute_input", map[string]any{"code": "x", "execution_count": 4}))
	c.handle(msg(t, "stream", jupyter.Stream{Name: "stdout", Text: "a\n"}))
	c.handle(msg(t, "stream", jupyter.Stream{Name: "stdout", Text: "b\n"}))
	c.handle(msg(t, "stream", jupyter.Stream{Name: "stderr", Text: "e\n"}))
	c.handle(msg(t, "stream", jupyter.Stream{Name: "stdout", Text: "c\n"}))
	c.handle(msg(t, "status", jupyter.Status{ExecutionState: "idle"}))
	c.finish()
	if len(cell.Outputs) != 3 || cell.Outputs[0].Text != "a\nb\n" || cell.Outputs[1].Text != "e\n" || cell.Outputs[2].Text != "c\n" {
		t.Fatalf("outputs %+v", cell.Outputs)
	}
	if res.Stdout != "a\nb\nc\n" || res.Stderr != "e\n" || *c.inputCount != 4 {
		t.Fatalf("stdout %q stderr %q count %v", res.Stdout, res.Stderr, c.inputCount)
	}
}

func TestCollectorStopsAtTheLimit(t *testing.T) {
	c, cell, res, hits := newTestCollector(100)
	line := strings.Repeat("x", 29) + "\n" // 30 bytes
	for range 10 {
		c.handle(msg(t, "stream", jupyter.Stream{Name: "stdout", Text: line}))
	}
	c.handle(msg(t, "error", jupyter.Error{Ename: "ERROR", Evalue: "signal: interrupt"}))
	c.finish()
	if *hits != 1 || !c.limited {
		t.Fatalf("onLimit called %d times", *hits)
	}
	if len(cell.Outputs) != 1 {
		t.Fatalf("outputs %+v: the interrupt's error after the limit must be dropped", cell.Outputs)
	}
	text := cell.Outputs[0].Text
	if !strings.HasPrefix(text, strings.Repeat(line, 3)) || !strings.Contains(text, "output limit of 100 B reached") {
		t.Fatalf("kept %q", text)
	}
	if len(res.Stdout) != 100 || res.Error != nil {
		t.Fatalf("stdout %q error %+v", res.Stdout, res.Error)
	}
}

func TestCollectorRefusesABigDisplayAtTheLimit(t *testing.T) {
	c, cell, _, hits := newTestCollector(100)
	c.handle(msg(t, "display_data", jupyter.DisplayData{Data: map[string]any{"text/html": strings.Repeat("<b>", 50)}}))
	c.finish()
	if *hits != 1 || len(cell.Outputs) != 1 || cell.Outputs[0].OutputType != notebook.Stream || !strings.Contains(cell.Outputs[0].Text, "150 B output was dropped") {
		t.Fatalf("outputs %+v", cell.Outputs)
	}
}

func TestCollectorDisplaysUpdatesAndClears(t *testing.T) {
	c, cell, res, _ := newTestCollector(1 << 20)
	c.handle(msg(t, "display_data", jupyter.DisplayData{Data: map[string]any{"text/plain": "v1"}, Transient: map[string]any{"display_id": "d"}}))
	c.handle(msg(t, "update_display_data", jupyter.DisplayData{Data: map[string]any{"text/plain": "v2"}, Transient: map[string]any{"display_id": "d"}}))
	c.handle(msg(t, "execute_result", map[string]any{"data": map[string]any{"text/plain": "42"}, "metadata": map[string]any{}, "execution_count": 9}))
	c.handle(msg(t, "error", jupyter.Error{Ename: "E", Evalue: "v", Traceback: []string{"tb"}}))
	c.finish()
	if len(cell.Outputs) != 3 || cell.Outputs[0].Data["text/plain"] != "v2" || *cell.Outputs[1].ExecutionCount != 9 || cell.Outputs[2].Ename != "E" {
		t.Fatalf("outputs %+v", cell.Outputs)
	}
	if res.Error == nil || res.Error.Value != "v" {
		t.Fatalf("error %+v", res.Error)
	}

	c.handle(msg(t, "clear_output", jupyter.ClearOutput{Wait: true}))
	if len(cell.Outputs) != 3 {
		t.Fatal("clear_output(wait=True) cleared before the next output")
	}
	c.handle(msg(t, "stream", jupyter.Stream{Name: "stdout", Text: "fresh\n"}))
	c.finish()
	if len(cell.Outputs) != 1 || cell.Outputs[0].Text != "fresh\n" {
		t.Fatalf("after clear_output: %+v", cell.Outputs)
	}
	c.handle(msg(t, "clear_output", jupyter.ClearOutput{}))
	c.finish()
	if len(cell.Outputs) != 0 {
		t.Fatalf("clear_output left %+v", cell.Outputs)
	}
}

func TestCutAt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"hello\nworld", 8, "hello\n"},
		{"héllo", 2, "h"}, // never half a rune
		{"héllo", 3, "hé"},
		{"abc", 0, ""},
	} {
		if got := cutAt(tc.in, tc.n); got != tc.want {
			t.Errorf("cutAt(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
