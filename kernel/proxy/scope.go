package proxy

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/fearless-go/fearless/kernel/jupyter"
)

// CellScope is what the kernel looked like before any cell changed it: the
// environment and the working directory gonb was started with. When
// Options.CellScope is set, the proxy makes gonb's kernel-wide settings last
// for one cell: after a cell that runs %goflags, %env or %cd (in any of the
// forms gonb accepts: a line starting with the command, or with //gonb:
// before it), the proxy has gonb run a silent cell that sets them back —
// %goflags to none, each %env variable the cell set to its value in Env, the
// directory to Dir. gonb runs requests one at a time in the order they came,
// and the restoring cell is sent right behind the cell that changed things,
// so every later cell sees the kernel as it was. Its messages (status,
// output, reply) never reach Jupyter, and it takes no execution count.
//
// So "re-run any cell once its declarations ran" holds: a cell that needs
// -race says %goflags -race itself.
//
// gonb cannot unset a variable: one that was not in Env comes back empty.
type CellScope struct {
	Env []string // KEY=VALUE, as gonb's process got it
	Dir string   // gonb's working directory; "" leaves %cd alone
}

// touched is what one cell changed of gonb's kernel-wide settings.
type touched struct {
	goflags bool
	env     []string // variable names, in the order first set
	cd      bool
}

func (t touched) any() bool { return t.goflags || len(t.env) > 0 || t.cd }

// scopedCommands finds the %goflags, %env and %cd commands in a cell's code,
// reading lines as gonb does: a //gonb: prefix is dropped, a line that then
// starts with % is a command, and a line ending in \ goes on on the next.
func scopedCommands(code string) touched {
	var t touched
	lines := strings.Split(code, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimPrefix(lines[i], "//gonb:")
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = line[:len(line)-1] + " " + strings.TrimPrefix(lines[i], "//gonb:")
		}
		if len(line) < 2 || line[0] != '%' {
			continue
		}
		fields := strings.Fields(line[1:])
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "goflags":
			t.goflags = t.goflags || len(fields) > 1 // "%goflags" alone only prints them
		case "cd":
			t.cd = t.cd || len(fields) > 1
		case "env":
			if len(fields) < 2 {
				continue
			}
			key := strings.Trim(fields[1], `"`)
			if eq := strings.Index(key, "="); eq > 0 {
				key = key[:eq]
			}
			if key != "" && !containsString(t.env, key) {
				t.env = append(t.env, key)
			}
		}
	}
	return t
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// restoreCode is the silent cell that undoes t, given the kernel's starting
// environment and directory.
func (s *CellScope) restoreCode(t touched) string {
	var b strings.Builder
	if t.goflags {
		b.WriteString("%goflags \"\"\n")
	}
	for _, key := range t.env {
		value := ""
		for _, kv := range s.Env {
			if k, v, ok := strings.Cut(kv, "="); ok && k == key {
				value = v // the last one counts, as for exec
			}
		}
		b.WriteString("%env " + key + " " + gonbQuote(value) + "\n")
	}
	if t.cd && s.Dir != "" {
		b.WriteString("%cd " + gonbQuote(s.Dir) + "\n")
	}
	return b.String()
}

// gonbQuote quotes an argument of a gonb command: inside double quotes,
// gonb reads \" as ", \\ as \, \n and \t as newline and tab.
func gonbQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

// scope keeps the restoring cells in flight, so that their messages are
// kept from Jupyter.
type scope struct {
	CellScope
	signer *jupyter.Signer // the kernel's key
	logf   func(format string, args ...any)

	mu      sync.Mutex
	pending map[string]*restoring // by msg_id
}

type restoring struct {
	code          string
	replied, idle bool
}

func newScope(cs CellScope, signer *jupyter.Signer, logf func(string, ...any)) *scope {
	return &scope{CellScope: cs, signer: signer, logf: logf, pending: map[string]*restoring{}}
}

// after is called once an execute_request has gone to the kernel: when the
// cell changes kernel-wide settings, the restoring cell follows it at once,
// on the same socket.
func (s *scope) after(content []byte, to *sock) {
	var req struct {
		Code string `json:"code"`
	}
	if s == nil || json.Unmarshal(content, &req) != nil {
		return
	}
	t := scopedCommands(req.Code)
	if !t.any() {
		return
	}
	code := s.restoreCode(t)
	if code == "" {
		return
	}
	h := ownHeader("execute_request", "fearless-cell-scope", "fearless")
	c := map[string]any{"code": code, "silent": true, "store_history": false, "user_expressions": map[string]any{},
		"allow_stdin": false, "stop_on_error": false}
	f := jupyter.Frames{Parts: [4][]byte{mustJSON(h), []byte("{}"), []byte("{}"), mustJSON(c)}}
	s.mu.Lock()
	s.pending[h.MsgID] = &restoring{code: code}
	s.mu.Unlock()
	if err := to.send(f.Join(s.signer)); err != nil {
		s.logf("restoring the kernel's settings after a cell: %v", err)
		s.mu.Lock()
		delete(s.pending, h.MsgID)
		s.mu.Unlock()
	}
}

// owns reports whether a message from the kernel belongs to a restoring
// cell (and so must not reach Jupyter). A restoring cell is forgotten once
// both its reply and its idle status have come; a failed one is logged.
func (s *scope) owns(msgType string, parentHeader, content []byte) bool {
	if s == nil {
		return false
	}
	var parent struct {
		MsgID string `json:"msg_id"`
	}
	if json.Unmarshal(parentHeader, &parent) != nil || parent.MsgID == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.pending[parent.MsgID]
	if !ok {
		return false
	}
	switch msgType {
	case "execute_reply":
		r.replied = true
		var reply struct {
			Status string `json:"status"`
			Evalue string `json:"evalue"`
		}
		if json.Unmarshal(content, &reply) == nil && reply.Status != "ok" {
			s.logf("restoring the kernel's settings failed (%s): %s", strings.TrimSpace(r.code), reply.Evalue)
		}
	case "status":
		var st jupyter.Status
		if json.Unmarshal(content, &st) == nil && st.ExecutionState == "idle" {
			r.idle = true
		}
	}
	if r.replied && r.idle {
		delete(s.pending, parent.MsgID)
	}
	return true
}
