package claim

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// Marks that begin a claim's line on standard output.
const (
	PassMark = "✓ " // a claim that held
	FailMark = "✗ " // a claim that did not
)

// Failure is the value a failed claim panics with.
type Failure struct {
	Statement string // the claim, as stated
	Detail    string // what came instead
}

func (f *Failure) Error() string {
	if f.Detail == "" {
		return "claim failed: " + f.Statement
	}
	return "claim failed: " + f.Statement + " — " + f.Detail
}

var (
	mu  sync.Mutex
	out io.Writer // nil: os.Stdout as it is at the time of the claim
)

// SetOutput sends claim lines to w instead of standard output and returns
// the previous writer; nil (the default) means os.Stdout as it is when a
// claim is made. It is for tests of this package and of tools that read
// the lines.
func SetOutput(w io.Writer) io.Writer {
	mu.Lock()
	defer mu.Unlock()
	old := out
	out = w
	return old
}

// That claims statement is true because ok is. It prints "✓ statement"
// when ok; otherwise it prints "✗ statement — detail" and panics with a
// *Failure. detail is formatted like fmt.Sprintf when its first value is a
// format string with a % verb, like fmt.Sprint otherwise.
func That(statement string, ok bool, detail ...any) {
	if ok {
		report(statement, true, "")
		return
	}
	fail(statement, format(detail))
}

// Equal claims that got equals want; the detail of a failure shows both.
func Equal[T comparable](statement string, got, want T) {
	if got == want {
		report(statement, true, "")
		return
	}
	fail(statement, fmt.Sprintf("got %v, want %v", got, want))
}

// AtLeast claims that got >= lo.
func AtLeast[T cmp.Ordered](statement string, got, lo T) {
	if got >= lo {
		report(statement, true, "")
		return
	}
	fail(statement, fmt.Sprintf("got %v, want at least %v", got, lo))
}

// AtMost claims that got <= hi.
func AtMost[T cmp.Ordered](statement string, got, hi T) {
	if got <= hi {
		report(statement, true, "")
		return
	}
	fail(statement, fmt.Sprintf("got %v, want at most %v", got, hi))
}

// Between claims that lo <= got <= hi.
func Between[T cmp.Ordered](statement string, got, lo, hi T) {
	if lo <= got && got <= hi {
		report(statement, true, "")
		return
	}
	fail(statement, fmt.Sprintf("got %v, want between %v and %v", got, lo, hi))
}

// Contains claims that s contains substr (an error message names a rule, a
// report names a line).
func Contains(statement, s, substr string) {
	That(statement, strings.Contains(s, substr), "%q does not contain %q", clip(s, 200), substr)
}

// NoError claims that err is nil.
func NoError(statement string, err error) {
	That(statement, err == nil, "error: %v", err)
}

// IsError claims that err is not nil, and returns it.
func IsError(statement string, err error) error {
	That(statement, err != nil, "no error")
	return err
}

func report(statement string, ok bool, detail string) {
	mark := PassMark
	if !ok {
		mark = FailMark
	}
	var b strings.Builder
	b.Grow(len(mark) + len(statement) + len(detail) + 8)
	b.WriteString(mark)
	b.WriteString(oneLine(statement))
	if detail != "" {
		b.WriteString(" — ")
		b.WriteString(oneLine(detail))
	}
	b.WriteByte('\n')
	mu.Lock()
	defer mu.Unlock()
	w := out
	if w == nil {
		w = os.Stdout
	}
	io.WriteString(w, b.String()) // one write: lines of two goroutines never mix
}

func fail(statement, detail string) {
	report(statement, false, detail)
	panic(&Failure{Statement: statement, Detail: detail})
}

func format(detail []any) string {
	if len(detail) == 0 {
		return ""
	}
	if f, ok := detail[0].(string); ok && strings.Contains(f, "%") {
		return fmt.Sprintf(f, detail[1:]...)
	}
	return fmt.Sprint(detail...)
}

// oneLine keeps a claim on one line, so that every line a reader sees is one
// claim and every claim is one line the runner counts.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
