package proxy

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/fearless-go/fearless/kernel/jupyter"
	"github.com/fearless-go/fearless/kernel/launch"
)

// This file improves gonb's answers to Tab and Shift+Tab:
//
//   - complete_reply gets metadata._jupyter_types_experimental (each match
//     with its kind and signature, from the items gopls sent, which the gopls
//     shim notes in the CompletionsEnv file), so JupyterLab shows icons and
//     signatures; on a % line, where gonb offers nothing, the matching
//     special commands;
//   - an inspect_reply that carries an error instead of documentation
//     (gonb shows gopls's error text, e.g. for a partial name) is replaced by
//     the documentation of the best completion of the name at the cursor,
//     or by found: false.

// MagicCommands are gonb's special commands, offered as completions on a
// line that starts with %.
var MagicCommands = []string{
	"%%", "%args", "%autoget", "%capture", "%cd", "%env", "%exec", "%goflags", "%goworkfix",
	"%help", "%list", "%ls", "%main", "%noautoget", "%remove", "%reset", "%rm", "%test",
	"%track", "%untrack", "%version", "%wasm", "%widgets", "%with_inputs", "%with_password",
}

// assistTimeout bounds the completion the proxy asks gonb for when an
// inspect_request found nothing.
const assistTimeout = 10 * time.Second

// assistRequest is a complete_request or inspect_request on its way to gonb.
type assistRequest struct {
	msgType string
	code    string
	cursor  int // in Unicode code points
	header  jupyter.Header
}

// assistState is the proxy's part for completion and inspection.
type assistState struct {
	mu      sync.Mutex
	pending map[string]assistRequest       // msg_id → request from Jupyter
	own     map[string]chan jupyter.Frames // msg_id → the proxy's own requests
	notes   string                         // the CompletionsEnv file
}

func (a *assistState) init(notes string) {
	a.pending = map[string]assistRequest{}
	a.own = map[string]chan jupyter.Frames{}
	a.notes = notes
}

// noteAssist remembers a complete_request or inspect_request from Jupyter.
func (p *Proxy) noteAssist(h jupyter.Header, content []byte) {
	if h.MsgType != "complete_request" && h.MsgType != "inspect_request" {
		return
	}
	var c struct {
		Code   string `json:"code"`
		Cursor int    `json:"cursor_pos"`
	}
	if json.Unmarshal(content, &c) != nil {
		return
	}
	p.assist.mu.Lock()
	p.assist.pending[h.MsgID] = assistRequest{msgType: h.MsgType, code: c.Code, cursor: c.Cursor, header: h}
	p.assist.mu.Unlock()
	p.forgetNotes()
}

// forgetNotes removes the last completion's notes before a new request, so
// that a completion gonb answers without asking gopls is never described
// with the items of an older one.
func (p *Proxy) forgetNotes() {
	if p.assist.notes != "" {
		_ = os.Remove(p.assist.notes)
	}
}

// ownParent reports whether a message from gonb answers one of the proxy's
// own requests (whose statuses Jupyter must not see).
func (p *Proxy) ownParent(parentMsgID string) bool {
	p.assist.mu.Lock()
	defer p.assist.mu.Unlock()
	_, ok := p.assist.own[parentMsgID]
	return ok
}

// assistReply looks at a reply from gonb on shell before it goes to Jupyter.
// It returns the frames to send, or false when the proxy keeps the reply
// (an answer to its own request, or an inspect_reply it answers later).
func (p *Proxy) assistReply(f jupyter.Frames) (jupyter.Frames, bool) {
	var parent struct {
		MsgID string `json:"msg_id"`
	}
	if json.Unmarshal(f.Parts[1], &parent) != nil || parent.MsgID == "" {
		return f, true
	}
	p.assist.mu.Lock()
	if ch, ok := p.assist.own[parent.MsgID]; ok {
		p.assist.mu.Unlock()
		select {
		case ch <- f:
		default:
		}
		return f, false
	}
	req, ok := p.assist.pending[parent.MsgID]
	delete(p.assist.pending, parent.MsgID)
	p.assist.mu.Unlock()
	if !ok {
		return f, true
	}
	switch req.msgType {
	case "complete_request":
		return p.completeReply(f, req), true
	case "inspect_request":
		var r struct {
			Status string         `json:"status"`
			Found  bool           `json:"found"`
			Data   map[string]any `json:"data"`
			Meta   map[string]any `json:"metadata"`
		}
		if json.Unmarshal(f.Parts[3], &r) != nil || r.Status != "ok" || !r.Found || hasDoc(r.Data) || onSpecialLine(req.code, req.cursor) {
			return f, true
		}
		// gonb's text is an error, not documentation: look for the best match.
		go p.inspectFallback(f, req)
		return f, false
	}
	return f, true
}

// hasDoc reports whether an inspect_reply's data is documentation (gonb
// sends gopls's hover as Markdown, and errors as plain text).
func hasDoc(data map[string]any) bool {
	md, _ := data["text/markdown"].(string)
	return strings.TrimSpace(md) != ""
}

// completeReply adds the matches' kinds and signatures, and % commands.
func (p *Proxy) completeReply(f jupyter.Frames, req assistRequest) jupyter.Frames {
	var c map[string]any
	if json.Unmarshal(f.Parts[3], &c) != nil {
		return f
	}
	matches, _ := c["matches"].([]any)
	start, _ := c["cursor_start"].(float64)
	end, _ := c["cursor_end"].(float64)
	if len(matches) == 0 {
		if word, from, ok := magicAt(req.code, req.cursor); ok {
			for _, m := range MagicCommands {
				if strings.HasPrefix(m, word) {
					matches = append(matches, m)
				}
			}
			start, end = float64(from), float64(req.cursor)
			c["matches"], c["cursor_start"], c["cursor_end"] = matches, start, end
		}
	}
	if len(matches) == 0 {
		return f
	}
	items := p.completionNotes()
	types := make([]map[string]any, 0, len(matches))
	for _, m := range matches {
		text, _ := m.(string)
		t := map[string]any{"start": start, "end": end, "text": text, "type": "", "signature": ""}
		if strings.HasPrefix(text, "%") {
			t["type"] = "keyword"
		} else if it, ok := items[text]; ok {
			t["type"], t["signature"] = it.Kind, it.Detail
		}
		types = append(types, t)
	}
	meta, _ := c["metadata"].(map[string]any)
	if meta == nil {
		meta = map[string]any{}
	}
	meta["_jupyter_types_experimental"] = types
	c["metadata"] = meta
	return p.resign(f, c)
}

// completionNotes reads the items of the last completion gopls sent, by the
// text gonb offers for each.
func (p *Proxy) completionNotes() map[string]launch.CompletionItem {
	out := map[string]launch.CompletionItem{}
	if p.assist.notes == "" {
		return out
	}
	data, err := os.ReadFile(p.assist.notes)
	if err != nil {
		return out
	}
	var items []launch.CompletionItem
	if json.Unmarshal(data, &items) != nil {
		return out
	}
	for _, it := range items {
		key := it.Insert
		if key == "" {
			key = it.Label
		}
		if _, dup := out[key]; !dup {
			out[key] = it
		}
	}
	return out
}

// inspectFallback answers an inspect_request whose reply from gonb was an
// error: it asks gonb to complete the code at the cursor, and answers with
// the documentation of the best match for the name being typed, or with
// found: false.
func (p *Proxy) inspectFallback(f jupyter.Frames, req assistRequest) {
	reply := map[string]any{"status": "ok", "found": false, "data": map[string]any{}, "metadata": map[string]any{}}
	defer func() {
		if err := p.fShell.send(p.resign(f, reply).Join(p.frontSign)); err != nil {
			p.logf("answering inspect_request: %v", err)
		} else {
			p.forwarded.Add(1)
		}
	}()
	name, ok := identAt(req.code, req.cursor)
	if !ok {
		return
	}
	// Complete at the end of the name under the cursor.
	cursor := req.cursor
	rs := []rune(req.code)
	for cursor < len(rs) && isIdentRune(rs[cursor]) {
		cursor++
	}
	name += string(rs[req.cursor:cursor])
	ctx, cancel := context.WithTimeout(context.Background(), assistTimeout)
	defer cancel()
	if !p.askCompletion(ctx, req, string(rs[:cursor]), cursor) {
		return
	}
	var best *launch.CompletionItem
	for _, it := range p.completionNotes() {
		if !strings.HasPrefix(it.Label, name) {
			continue
		}
		if best == nil || len(it.Label) < len(best.Label) || len(it.Label) == len(best.Label) && it.Label < best.Label {
			best = &it
		}
	}
	if best == nil {
		return
	}
	sig := strings.TrimSpace(best.Kind + " " + best.Label + " " + best.Detail)
	md := "```go\n" + sig + "\n```"
	if best.Documentation != "" {
		md += "\n\n" + best.Documentation
	}
	reply["found"] = true
	reply["data"] = map[string]any{"text/markdown": md, "text/plain": sig + "\n\n" + best.Documentation}
}

// askCompletion sends gonb a complete_request of the proxy's own and waits
// for its reply (the gopls shim has then noted the items).
func (p *Proxy) askCompletion(ctx context.Context, req assistRequest, code string, cursor int) bool {
	h := ownHeader("complete_request", req.header.Session, req.header.Username)
	ch := make(chan jupyter.Frames, 1)
	p.assist.mu.Lock()
	p.assist.own[h.MsgID] = ch
	p.assist.mu.Unlock()
	defer func() {
		// Keep the id a moment: gonb's idle status for it may still come.
		time.AfterFunc(5*time.Second, func() {
			p.assist.mu.Lock()
			delete(p.assist.own, h.MsgID)
			p.assist.mu.Unlock()
		})
	}()
	p.forgetNotes()
	f := jupyter.Frames{Parts: [4][]byte{mustJSON(h), []byte("{}"), []byte("{}"), mustJSON(map[string]any{"code": code, "cursor_pos": cursor})}}
	if err := p.bShell.send(f.Join(p.backKey)); err != nil {
		p.logf("asking gonb for a completion: %v", err)
		return false
	}
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		return false
	case <-p.closed:
		return false
	}
}

// resign replaces a message's content and signs it for Jupyter.
func (p *Proxy) resign(f jupyter.Frames, content any) jupyter.Frames {
	f.Parts[3] = mustJSON(content)
	f.Signature = p.front.Sign(f.Parts)
	return f
}

// identAt returns the part of the identifier that ends at cursor (code
// points), e.g. "Sp" in "thread.Sp|".
func identAt(code string, cursor int) (string, bool) {
	rs := []rune(code)
	if cursor > len(rs) || cursor < 0 {
		return "", false
	}
	i := cursor
	for i > 0 && isIdentRune(rs[i-1]) {
		i--
	}
	if i < cursor && unicode.IsDigit(rs[i]) {
		return "", false
	}
	return string(rs[i:cursor]), i < cursor || (cursor < len(rs) && isIdentRune(rs[cursor]))
}

func isIdentRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// lineAt returns the line of code holding cursor and the cursor's column.
func lineAt(code string, cursor int) (line []rune, col int) {
	rs := []rune(code)
	cursor = min(max(cursor, 0), len(rs))
	start := cursor
	for start > 0 && rs[start-1] != '\n' {
		start--
	}
	end := cursor
	for end < len(rs) && rs[end] != '\n' {
		end++
	}
	return rs[start:end], cursor - start
}

// onSpecialLine reports whether the cursor is on a gonb special line (%, !).
func onSpecialLine(code string, cursor int) bool {
	line, _ := lineAt(code, cursor)
	t := strings.TrimSpace(string(line))
	return strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!")
}

// magicAt returns the % command being typed at cursor and where it starts.
func magicAt(code string, cursor int) (word string, start int, ok bool) {
	line, col := lineAt(code, cursor)
	i := 0
	for i < col && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i >= col || line[i] != '%' {
		return "", 0, false
	}
	w := string(line[i:col])
	if strings.ContainsAny(w, " \t") {
		return "", 0, false
	}
	return w, cursor - (col - i), true
}
