package proxy

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/launch"
)

// gonbLikeAssist makes the fake kernel answer complete and inspect requests
// as gonb with the gopls shim does: completions of `thread.` (noting gopls's
// items in the notes file first), Markdown help for a whole name, and
// gopls's error text for anything else.
func gonbLikeAssist(t *testing.T, f *fakeKernel, notes string) {
	items := []launch.CompletionItem{
		{Label: "Spawn", Kind: "function", Detail: "func(f func() T, opts ...Option) *JoinHandle[T]", Documentation: "Spawn starts f in a new thread.", Insert: "Spawn"},
		{Label: "Sleep", Kind: "function", Detail: "func(d time.Duration)", Documentation: "Sleep pauses the thread.", Insert: "Sleep"},
		{Label: "Scope", Kind: "function", Detail: "func(f func(*Scoped))", Insert: "Scope"},
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handle = func(req *jupyter.Message) {
		var c struct {
			Code   string `json:"code"`
			Cursor int    `json:"cursor_pos"`
		}
		_ = json.Unmarshal(req.Content, &c)
		status := func(state string) { f.send(f.iopub, req, "status", jupyter.Status{ExecutionState: state}) }
		status("busy")
		defer status("idle")
		code := string([]rune(c.Code)[:c.Cursor])
		switch req.Type() {
		case "complete_request":
			var matches []string
			if i := strings.LastIndex(code, "thread."); i >= 0 && !strings.HasPrefix(strings.TrimSpace(code[strings.LastIndex(code, "\n")+1:]), "%") {
				prefix := code[i+len("thread."):]
				var noted []launch.CompletionItem
				for _, it := range items {
					if strings.HasPrefix(it.Label, prefix) {
						matches = append(matches, it.Insert)
						noted = append(noted, it)
					}
				}
				data, _ := json.Marshal(noted)
				if err := os.WriteFile(notes, data, 0o600); err != nil {
					t.Error(err)
				}
			}
			f.send(f.shell, req, "complete_reply", map[string]any{"status": "ok", "matches": append([]string{}, matches...),
				"cursor_start": c.Cursor, "cursor_end": c.Cursor, "metadata": map[string]any{}})
		case "inspect_request":
			data := map[string]any{"text/plain": "gopls request returned 'hover' with unexpected kind \"\""}
			if strings.HasSuffix(code, "thread.Spawn") {
				data = map[string]any{"text/markdown": "```go\nfunc Spawn...\n```"}
			}
			f.send(f.shell, req, "inspect_reply", map[string]any{"status": "ok", "found": true, "data": data, "metadata": map[string]any{}})
		}
	}
}

func startAssist(t *testing.T) *jupyter.Client {
	f := startFake(t)
	notes := filepath.Join(t.TempDir(), "completions.json")
	gonbLikeAssist(t, f, notes)
	front, err := jupyter.NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	front.Key = f.info.Key
	p, err := Start(context.Background(), Options{Front: front, Back: f.info, CompletionsFile: notes, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := dial(t, front)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCompleteReplyCarriesTypes(t *testing.T) {
	c := startAssist(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := "import \"github.com/fearless-go/fearless/helpers/thread\"\n%%\nthread.S"
	r, err := c.Complete(ctx, code, len([]rune(code)))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Matches, " ") != "Spawn Sleep Scope" {
		t.Fatalf("matches = %q", r.Matches)
	}
	types, _ := r.Metadata["_jupyter_types_experimental"].([]any)
	if len(types) != 3 {
		t.Fatalf("_jupyter_types_experimental = %v", r.Metadata)
	}
	first, _ := types[0].(map[string]any)
	if first["text"] != "Spawn" || first["type"] != "function" || !strings.Contains(first["signature"].(string), "JoinHandle") {
		t.Fatalf("first type = %v", first)
	}
}

func TestCompleteMagics(t *testing.T) {
	c := startAssist(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := "%gof"
	r, err := c.Complete(ctx, code, 4)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Matches, " ") != "%goflags" || r.CursorStart != 0 || r.CursorEnd != 4 {
		t.Fatalf("completion of %%gof: %+v", r)
	}
	code = "fmt.Println(1)\n  %e"
	r, err = c.Complete(ctx, code, len(code))
	if err != nil || strings.Join(r.Matches, " ") != "%env %exec" || r.CursorStart != len("fmt.Println(1)\n  ") {
		t.Fatalf("completion of %%e on a later line: %+v %v", r, err)
	}
}

func TestInspectPartialNameShowsBestMatch(t *testing.T) {
	c := startAssist(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := "%%\nthread.Sp"
	r, err := c.Inspect(ctx, code, len(code), 0)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := r.Data["text/markdown"].(string)
	if !r.Found || !strings.Contains(md, "Spawn") || !strings.Contains(md, "Spawn starts f") || strings.Contains(md, "gopls") {
		t.Fatalf("inspect of thread.Sp: %+v", r)
	}
	// The cursor inside a name: the whole name counts.
	code = "%%\nthread.Sle(1)"
	r, err = c.Inspect(ctx, code, len("%%\nthread.S"), 0)
	if md, _ := r.Data["text/markdown"].(string); err != nil || !r.Found || !strings.Contains(md, "Sleep") {
		t.Fatalf("inspect inside thread.Sle: %+v %v", r, err)
	}
	// gonb's own help passes unchanged.
	code = "%%\nthread.Spawn"
	r, err = c.Inspect(ctx, code, len(code), 0)
	if md, _ := r.Data["text/markdown"].(string); err != nil || !r.Found || md != "```go\nfunc Spawn...\n```" {
		t.Fatalf("inspect of thread.Spawn: %+v %v", r, err)
	}
}

func TestInspectUnknownNameFindsNothing(t *testing.T) {
	c := startAssist(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, code := range []string{"%%\nnosuchthing", "%%\nthread.Zz", "%%\n(1 + "} {
		r, err := c.Inspect(ctx, code, len(code), 0)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != "ok" || r.Found || len(r.Data) != 0 {
			t.Fatalf("inspect of %q: %+v", code, r)
		}
	}
	// The proxy's own completion requests leave no trace on iopub: the next
	// request's messages are the only ones this client sees.
	res, err := c.Execute(ctx, jupyter.ExecuteRequest{Code: "x"}, jupyter.ExecuteOptions{})
	if err != nil || res.Reply.Status != "ok" {
		t.Fatalf("execute after inspect: %+v %v", res, err)
	}
}
