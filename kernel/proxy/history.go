package proxy

import (
	"regexp"
	"strings"
)

// Session is the session number history replies give this kernel's
// session (history_request may name it as 0, "the current one", too).
const Session = 1

// history is the kernel session's inputs, in execution order.
type history struct {
	entries []entry
}

type entry struct {
	line   int     // execution count
	input  string  // the cell's code
	output *string // text/plain of its execute_result, if any
}

func (h *history) add(line int, input string) {
	h.entries = append(h.entries, entry{line: line, input: input})
}

// output records the text of a cell's execute_result.
func (h *history) output(line int, text string) {
	for i := len(h.entries) - 1; i >= 0; i-- {
		if h.entries[i].line == line {
			h.entries[i].output = &text
			return
		}
	}
}

// reply answers a history_request's content (hist_access_type "tail",
// "range" or "search"), as IPython does: each entry is [session, line,
// input], or [session, line, [input, output]] when output is asked for.
func (h *history) reply(req map[string]any) map[string]any {
	n := intField(req, "n", 0)
	var picked []entry
	switch req["hist_access_type"] {
	case "tail":
		if n <= 0 {
			n = 10
		}
		picked = last(h.entries, n)
	case "range":
		session := intField(req, "session", 0)
		if session != 0 && session != Session {
			break
		}
		start, stop := intField(req, "start", 1), intField(req, "stop", 0)
		for _, e := range h.entries {
			if e.line >= start && (stop <= 0 || e.line < stop) {
				picked = append(picked, e)
			}
		}
	case "search":
		pattern, _ := req["pattern"].(string)
		if pattern == "" {
			pattern = "*"
		}
		re := glob(pattern)
		unique, _ := req["unique"].(bool)
		seen := map[string]bool{}
		for i := len(h.entries) - 1; i >= 0; i-- { // newest first, for unique
			e := h.entries[i]
			if !re.MatchString(e.input) || unique && seen[e.input] {
				continue
			}
			seen[e.input] = true
			picked = append([]entry{e}, picked...)
		}
		if n > 0 {
			picked = last(picked, n)
		}
	}
	withOutput, _ := req["output"].(bool)
	out := make([]any, 0, len(picked))
	for _, e := range picked {
		if withOutput {
			var o any
			if e.output != nil {
				o = *e.output
			}
			out = append(out, []any{Session, e.line, []any{e.input, o}})
		} else {
			out = append(out, []any{Session, e.line, e.input})
		}
	}
	return map[string]any{"status": "ok", "history": out}
}

func last(es []entry, n int) []entry {
	if len(es) > n {
		return es[len(es)-n:]
	}
	return es
}

func intField(m map[string]any, key string, def int) int {
	if v, ok := m[key].(float64); ok {
		return int(v)
	}
	return def
}

// glob turns an IPython history search pattern (fnmatch: * and ?, matched
// against the whole input) into a regular expression.
func glob(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)\A`)
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`\z`)
	return regexp.MustCompile(b.String())
}
