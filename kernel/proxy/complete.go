package proxy

import (
	"strings"
	"unicode"
)

// IsComplete says whether a cell's code is ready to run, the way
// is_complete_reply puts it: "complete", "incomplete" (more lines are
// coming; indent is what the next line should start with) or "invalid"
// (no continuation can fix it).
//
// It is a heuristic for Go as typed into `jupyter console`, not a parser:
// brackets must balance (a closing one without its opener is invalid),
// strings and runes must end on their line, raw strings and block comments
// may span lines, and a line ending in a binary operator, a comma, a dot or
// a keyword that needs more (func, else, for, ...) continues. gonb's special
// lines (%% and other % commands, ! shell lines) are complete lines.
func IsComplete(code string) (status, indent string) {
	var stack []rune
	type state int
	const (
		normal state = iota
		lineComment
		blockComment
		interpreted
		raw
		runeLit
	)
	st := normal
	lastToken := "" // the last significant token outside comments and strings
	word := strings.Builder{}
	flushWord := func() {
		if word.Len() > 0 {
			lastToken = word.String()
			word.Reset()
		}
	}
	lines := strings.Split(code, "\n")
	for _, line := range lines {
		if st == normal {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
				lastToken = ";"
				continue
			}
		}
		rs := []rune(line)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			switch st {
			case lineComment:
				// to the end of the line
			case blockComment:
				if r == '*' && next == '/' {
					st = normal
					i++
				}
			case interpreted, runeLit:
				switch {
				case r == '\\':
					i++
				case r == '"' && st == interpreted, r == '\'' && st == runeLit:
					st = normal
					lastToken = "literal"
				}
			case raw:
				if r == '`' {
					st = normal
					lastToken = "literal"
				}
			case normal:
				if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
					word.WriteRune(r)
					continue
				}
				flushWord()
				switch {
				case unicode.IsSpace(r):
				case r == '/' && next == '/':
					st = lineComment
				case r == '/' && next == '*':
					st = blockComment
					i++
				case r == '"':
					st = interpreted
				case r == '\'':
					st = runeLit
				case r == '`':
					st = raw
				case r == '(' || r == '[' || r == '{':
					stack = append(stack, r)
					lastToken = string(r)
				case r == ')' || r == ']' || r == '}':
					if len(stack) == 0 || stack[len(stack)-1] != opener(r) {
						return "invalid", ""
					}
					stack = stack[:len(stack)-1]
					lastToken = string(r)
				default:
					lastToken = operatorAt(rs, i)
					i += len([]rune(lastToken)) - 1
				}
			}
		}
		flushWord()
		switch st {
		case lineComment:
			st = normal
		case interpreted, runeLit:
			return "invalid", "" // a string or rune cannot span lines
		}
	}
	switch {
	case st == raw || st == blockComment:
		return "incomplete", strings.Repeat("\t", len(stack))
	case len(stack) > 0:
		return "incomplete", strings.Repeat("\t", len(stack))
	case continues(lastToken):
		return "incomplete", "\t"
	}
	return "complete", ""
}

func opener(closer rune) rune {
	switch closer {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

// operators are Go's operators and punctuation, longest first.
var operators = []string{
	"<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=",
	"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^",
	"+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "=", "!", "~", ",", ";", ".", ":",
}

func operatorAt(rs []rune, i int) string {
	rest := string(rs[i:min(len(rs), i+3)])
	for _, op := range operators {
		if strings.HasPrefix(rest, op) {
			return op
		}
	}
	return string(rs[i])
}

// continues reports whether a line ending in tok needs another line.
func continues(tok string) bool {
	switch tok {
	case "", ";", "++", "--", "...", "literal", ")", "]", "}":
		return false
	case "func", "else", "for", "if", "switch", "select", "go", "defer", "chan", "map", "struct",
		"interface", "type", "var", "const", "import", "package", "range", "case":
		return true
	}
	for _, op := range operators {
		if tok == op {
			return true
		}
	}
	return false
}
