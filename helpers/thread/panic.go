package thread

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// PanicError is what a thread's panic becomes: the value it panicked with and
// the stack at the panic, returned by Join instead of crashing the program
// (Rust: the Err of JoinHandle::join).
type PanicError struct {
	Thread string // the thread's name, or "" if unnamed
	Value  any    // the value passed to panic
	Stack  string // the panicking goroutine's stack
}

// Error says which thread panicked, where, and with what, as Rust prints it:
// thread 'worker' panicked at main.go:12: boom.
func (e *PanicError) Error() string {
	name := "<unnamed>"
	if e.Thread != "" {
		name = e.Thread
	}
	if at := panicLine(e.Stack); at != "" {
		return fmt.Sprintf("thread '%s' panicked at %s: %v", name, at, e.Value)
	}
	return fmt.Sprintf("thread '%s' panicked: %v", name, e.Value)
}

// Unwrap returns the panic value if it is an error, so errors.Is and
// errors.As see through a PanicError.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Recovered turns a value from recover() into a *PanicError carrying the
// current stack. Call it directly in the deferred function that recovered.
func Recovered(thread string, value any) *PanicError {
	return &PanicError{Thread: thread, Value: value, Stack: string(debug.Stack())}
}

// panicLine finds, in a stack taken while panicking, the file:line that
// panicked: the first frame below a panic(...) frame that is neither in the
// runtime (a nil dereference passes through runtime.sigpanic) nor in a
// helper re-panicking on the way out (a mutex guard's deferred Unlock).
func panicLine(stack string) string {
	lines := strings.Split(stack, "\n")
	first := ""
	for i, l := range lines {
		if !strings.HasPrefix(l, "panic(") {
			continue
		}
		for j := i + 2; j+1 < len(lines); j += 2 {
			if strings.HasPrefix(lines[j], "runtime.") {
				continue
			}
			loc := strings.TrimSpace(lines[j+1])
			if k := strings.LastIndex(loc, " +0x"); k >= 0 {
				loc = loc[:k]
			}
			loc = loc[strings.LastIndexByte(loc, '/')+1:]
			if !isHelperFrame(lines[j]) {
				return loc
			}
			if first == "" {
				first = loc
			}
			break
		}
	}
	return first
}

// isHelperFrame reports whether a stack's function line is inside one of
// Fearless's helper packages (their tests excluded).
func isHelperFrame(fn string) bool {
	const prefix = "github.com/fearless-go/fearless/helpers/"
	if !strings.HasPrefix(fn, prefix) {
		return false
	}
	pkg := fn[len(prefix):]
	if i := strings.IndexByte(pkg, '.'); i >= 0 {
		pkg = pkg[:i]
	}
	return !strings.HasSuffix(pkg, "_test")
}
