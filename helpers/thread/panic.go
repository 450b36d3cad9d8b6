package thread

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/fearless-go/fearless/helpers/internal/where"
)

// panicOutput is where a thread's panic is announced as it happens: nil
// means os.Stdout at that moment (see the package documentation for why
// standard output).
var panicOutput struct {
	sync.Mutex
	w io.Writer
}

// SetPanicOutput sets where a thread's panic is announced as it happens
// (standard output by default; nil restores it) and returns the previous
// writer. SetPanicOutput(io.Discard) silences the announcements, as an empty
// std::panic::set_hook does in Rust — for a cell that makes thousands of
// threads panic on purpose. Join still returns every panic as a *PanicError.
func SetPanicOutput(w io.Writer) (old io.Writer) {
	panicOutput.Lock()
	defer panicOutput.Unlock()
	old = panicOutput.w
	panicOutput.w = w
	return old
}

// reportPanic prints, as Rust's default panic hook does, one line saying which
// thread panicked, where and with what, whether or not anyone joins it.
func reportPanic(err *PanicError) {
	panicOutput.Lock()
	defer panicOutput.Unlock()
	w := panicOutput.w
	if w == nil {
		w = os.Stdout
	}
	fmt.Fprintln(w, err.Error())
}

// PanicError is what a thread's panic becomes: the value it panicked with and
// the stack at the panic, returned by Join instead of crashing the program
// (Rust: the Err of JoinHandle::join).
type PanicError struct {
	Thread string // the thread's name, or "" if unnamed
	Value  any    // the value passed to panic
	Stack  string // the panicking goroutine's stack
	at     string // where it panicked, found by Recovered
}

// Error says which thread panicked, where, and with what, as Rust prints it:
// thread 'worker' panicked at cell [4] line 12: boom (in a notebook; at
// worker.go:12 elsewhere). The line is the learner's, never a helper's.
func (e *PanicError) Error() string {
	name := "<unnamed>"
	if e.Thread != "" {
		name = e.Thread
	}
	at := e.at
	if at == "" {
		at = panicLine(e.Stack)
	}
	if at != "" {
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
	return &PanicError{Thread: thread, Value: where.Fix(value), Stack: string(debug.Stack()), at: where.Panic()}
}

// panicLine finds, in a stack taken while panicking, the line that panicked:
// below the outermost panic(...) frame (a helper that recovers and re-raises,
// as a mutex guard's deferred Unlock does, adds inner ones), the first frame
// that is neither in the runtime (a nil dereference passes through
// runtime.sigpanic) nor in a helper.
func panicLine(stack string) string {
	lines := strings.Split(stack, "\n")
	last := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			last = i
		}
	}
	if last < 0 {
		return ""
	}
	for j := last + 2; j+1 < len(lines); j += 2 {
		if strings.HasPrefix(lines[j], "runtime.") || isHelperFrame(lines[j]) {
			continue
		}
		loc := strings.TrimSpace(lines[j+1])
		if k := strings.LastIndex(loc, " +0x"); k >= 0 {
			loc = loc[:k]
		}
		k := strings.LastIndexByte(loc, ':')
		if k < 0 {
			return ""
		}
		n, err := strconv.Atoi(loc[k+1:])
		if err != nil {
			return ""
		}
		return where.Format(loc[:k], n)
	}
	return ""
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
