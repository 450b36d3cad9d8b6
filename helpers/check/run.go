package check

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/fearless-go/fearless/helpers/internal/where"
)

// outcome is how one call of the learner's code ended.
type outcome struct {
	panicked bool
	value    any // the panic value
	goexit   bool
	timedOut bool
	races    int // data races the race detector reported meanwhile
}

// call runs f in a goroutine of its own and waits at most timeout for it. A
// panic is caught as a value. After a timeout the goroutine is left running:
// Go cannot stop it; it ends with the program.
func call(timeout time.Duration, f func()) outcome {
	before := raceErrors()
	done := make(chan outcome, 1)
	go func() {
		normal := false
		defer func() {
			if normal {
				done <- outcome{}
				return
			}
			if v := where.Fix(recover()); v != nil {
				done <- outcome{panicked: true, value: v}
				return
			}
			// Neither returned nor panicked with a value: runtime.Goexit,
			// or panic(nil) before Go 1.21 semantics.
			done <- outcome{goexit: true}
		}()
		f()
		normal = true
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	var o outcome
	select {
	case o = <-done:
	case <-timer.C:
		o = outcome{timedOut: true}
	}
	o.races = raceErrors() - before
	return o
}

// notImplemented reports whether a panic value is the learner's stub:
// panic("not implemented"), also as an error, with or without more words.
func notImplemented(v any) bool {
	msg := ""
	switch v := v.(type) {
	case string:
		msg = v
	case error:
		msg = v.Error()
	default:
		return false
	}
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(msg)), "not implemented")
}

// panicMessage is a panic value as one line of text.
func panicMessage(v any) string {
	switch v := v.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case runtime.Error:
		return v.Error()
	}
	return fmt.Sprint(v)
}

// verdict turns an outcome that did not end normally into a failed check;
// ok is true when the call returned normally (and raced nowhere).
func verdict(o outcome, timeout time.Duration) (c Check, ok bool) {
	switch {
	case o.timedOut:
		return Check{Status: StatusTimedOut, Message: fmt.Sprintf("did not return within %s (a deadlock, or an endless loop?); it was left running and the next check went on", timeout)}, false
	case o.panicked && notImplemented(o.value):
		return Check{Status: StatusNotImplemented, Message: "not implemented yet"}, false
	case o.panicked:
		msg := firstLine(panicMessage(o.value))
		if !strings.HasPrefix(msg, "panicked") { // a re-raised panic may say so already
			msg = "panicked: " + msg
		}
		return Check{Status: StatusPanicked, Message: msg}, false
	case o.goexit:
		return Check{Status: StatusFailed, Message: "the function stopped its goroutine (runtime.Goexit) instead of returning"}, false
	case o.races > 0:
		return Check{Status: StatusFailed, Message: fmt.Sprintf("the race detector found %s while it ran (its WARNING: DATA RACE report on stderr says where)", plural(o.races, "data race"))}, false
	}
	return Check{}, true
}

var errNotImplemented = errors.New("not implemented yet")

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
