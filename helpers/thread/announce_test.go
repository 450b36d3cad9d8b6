package thread_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/fearless-go/fearless/helpers/thread"
)

// syncBuffer is a bytes.Buffer safe for the panicking thread and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func announced(t *testing.T) *syncBuffer {
	var out syncBuffer
	old := thread.SetPanicOutput(&out)
	t.Cleanup(func() { thread.SetPanicOutput(old) })
	return &out
}

// A thread that panics and is never joined does not vanish: like Rust's
// panic hook, the thread says it panicked, where, and with what.
func TestUnjoinedPanicIsAnnounced(t *testing.T) {
	out := announced(t)
	line := lineHere(1)
	h := thread.Go(func() { panic("nobody joins me") }, thread.Name("lost"))
	for !h.IsFinished() {
		runtime.Gosched()
	}
	want := fmt.Sprintf("thread 'lost' panicked at announce_test.go:%d: nobody joins me\n", line)
	if got := out.String(); got != want {
		t.Fatalf("announced %q, want %q", got, want)
	}
}

// The announcement names the learner's line even when a guard's deferred
// Unlock re-raised the panic on its way out.
func TestAnnouncementSkipsHelperReraise(t *testing.T) {
	out := announced(t)
	var line int
	h := thread.Go(func() {
		defer func() {
			if r := recover(); r != nil {
				panic(r) // what a guard's Unlock does
			}
		}()
		line = lineHere(1)
		panic("boom")
	})
	_, err := h.Join()
	want := fmt.Sprintf("panicked at announce_test.go:%d: boom", line)
	if !strings.Contains(err.Error(), want) || !strings.Contains(out.String(), want) {
		t.Fatalf("error %q, announced %q; want %q", err, out.String(), want)
	}
}

// SetPanicOutput(io.Discard) silences the announcement; Join still returns the panic.
func TestSetPanicOutputDiscard(t *testing.T) {
	old := thread.SetPanicOutput(io.Discard)
	t.Cleanup(func() { thread.SetPanicOutput(old) })
	_, err := thread.Spawn(func() int { panic("quiet") }).Join()
	var pe *thread.PanicError
	if !errors.As(err, &pe) || pe.Value != "quiet" {
		t.Fatalf("Join = %v, want the *PanicError", err)
	}
	if back := thread.SetPanicOutput(old); back != io.Discard {
		t.Fatalf("SetPanicOutput returned %v, want the writer set before", back)
	}
}
