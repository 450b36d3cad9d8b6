package thread_test

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/thread"
)

func TestJoinReturnsTheResult(t *testing.T) {
	h := thread.Spawn(func() string { return "done" })
	v, err := h.Join()
	if v != "done" || err != nil {
		t.Fatalf("Join = %q, %v; want done, nil", v, err)
	}
	if !h.IsFinished() {
		t.Fatal("IsFinished is false after Join")
	}
	if h.TraceID() == 0 {
		t.Fatal("no trace id")
	}
}

// Property: N threads each return their index; every index comes back
// exactly once, through its own handle.
func TestManyThreadsEachResultOnce(t *testing.T) {
	const n = 200
	handles := make([]*thread.JoinHandle[int], n)
	for i := range n {
		handles[i] = thread.Spawn(func() int { return i }, thread.Name(fmt.Sprint("worker-", i)))
	}
	seen := make([]bool, n)
	for i, h := range handles {
		v, err := h.Join()
		if err != nil || v != i {
			t.Fatalf("thread %d: Join = %d, %v", i, v, err)
		}
		if seen[v] {
			t.Fatalf("result %d received twice", v)
		}
		seen[v] = true
	}
}

func TestPanicBecomesAnError(t *testing.T) {
	line := lineHere(1)
	h := thread.Spawn(func() int { panic("boom") }, thread.Name("worker"))
	v, err := h.Join()
	var pe *thread.PanicError
	if v != 0 || !errors.As(err, &pe) {
		t.Fatalf("Join = %d, %v (%T); want 0 and a *PanicError", v, err, err)
	}
	if pe.Thread != "worker" || pe.Value != "boom" || !strings.Contains(pe.Stack, "TestPanicBecomesAnError") {
		t.Fatalf("PanicError = %+v", pe)
	}
	want := fmt.Sprintf("thread 'worker' panicked at spawn_test.go:%d: boom", line)
	if err.Error() != want {
		t.Fatalf("message %q\nwant      %q", err, want)
	}
}

func TestRuntimeErrorPanicPointsAtTheFaultingLine(t *testing.T) {
	var m map[string]int
	line := lineHere(2)
	h := thread.Go(func() {
		m["x"] = 1 // assignment to entry in nil map
	})
	_, err := h.Join()
	want := fmt.Sprintf("thread '<unnamed>' panicked at spawn_test.go:%d: assignment to entry in nil map", line)
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant  %s", err, want)
	}
	var re runtime.Error
	if !errors.As(err, &re) {
		t.Fatal("errors.As does not see the runtime.Error inside the PanicError")
	}
}

func TestPanicWithErrorValueUnwraps(t *testing.T) {
	_, err := thread.Go(func() { panic(fmt.Errorf("reading: %w", io.ErrUnexpectedEOF)) }).Join()
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("errors.Is(%v, io.ErrUnexpectedEOF) = false", err)
	}
}

func TestSecondJoinIsAnError(t *testing.T) {
	h := thread.Spawn(func() int { return 1 })
	if _, err := h.Join(); err != nil {
		t.Fatal(err)
	}
	v, err := h.Join()
	if v != 0 || !errors.Is(err, thread.ErrJoined) || !strings.Contains(err.Error(), "Rust") {
		t.Fatalf("second Join = %d, %v; want 0, ErrJoined", v, err)
	}
}

// Property: of several goroutines joining one handle at once, exactly one
// gets the result.
func TestConcurrentJoinsOneWins(t *testing.T) {
	release := make(chan struct{})
	h := thread.Spawn(func() int { <-release; return 5 })
	results := make(chan error)
	for range 4 {
		go func() {
			_, err := h.Join()
			results <- err
		}()
	}
	close(release)
	ok := 0
	for range 4 {
		err := <-results
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, thread.ErrJoined):
			t.Fatalf("Join: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d joins got the result, want 1", ok)
	}
}

func TestGoexitInAThreadIsAnError(t *testing.T) {
	h := thread.Go(func() {
		runtime.Goexit() // what t.FailNow does inside a thread
	})
	if _, err := h.Join(); !errors.Is(err, thread.ErrGoexit) {
		t.Fatalf("Join = %v, want ErrGoexit", err)
	}
}

func TestIsFinished(t *testing.T) {
	release := make(chan struct{})
	h := thread.Go(func() { <-release })
	if h.IsFinished() {
		t.Fatal("IsFinished before the thread could end")
	}
	close(release)
	if _, err := h.Join(); err != nil || !h.IsFinished() {
		t.Fatalf("after Join: err %v, IsFinished %v", err, h.IsFinished())
	}
}

func TestJoiningItselfPanicsInTheThread(t *testing.T) {
	self := make(chan *thread.JoinHandle[struct{}], 1)
	h := thread.Go(func() {
		h := <-self
		h.Join()
	}, thread.Name("narcissus"))
	self <- h
	_, err := h.Join()
	if err == nil || !strings.Contains(err.Error(), `thread "narcissus" joined itself`) {
		t.Fatalf("Join = %v", err)
	}
}

func TestBadInputPanicsClearly(t *testing.T) {
	for name, f := range map[string]func(){
		"Spawn(nil)": func() { thread.Spawn[int](nil) },
		"Go(nil)":    func() { thread.Go(nil) },
		"Scope(nil)": func() { thread.Scope(nil) },
		"s.Go(nil)":  func() { thread.Scope(func(s *thread.Scoped) { s.Go(nil) }) },
	} {
		if _, msg := testutil.Panics(t, f); !strings.Contains(msg, "nil function") {
			t.Errorf("%s: panic %q", name, msg)
		}
	}
	if _, msg := testutil.Panics(t, func() { thread.Go(func() {}, thread.Move(nil)) }); !strings.Contains(msg, "Move called with nil") {
		t.Errorf("Move(nil): panic %q", msg)
	}
	// A nil option is ignored.
	if v, err := thread.Spawn(func() int { return 3 }, nil).Join(); v != 3 || err != nil {
		t.Fatalf("Spawn with a nil option: %d, %v", v, err)
	}
}

func TestCurrent(t *testing.T) {
	type seen struct {
		cur  thread.Thread
		goid int64
	}
	look := func() seen { return seen{thread.Current(), goid.Get()} }
	named, _ := thread.Spawn(look, thread.Name("worker-1")).Join()
	if named.cur.Name != "worker-1" || named.cur.ID != named.goid {
		t.Fatalf("Current in a named thread = %+v, goroutine %d", named.cur, named.goid)
	}
	if s := named.cur.String(); s != fmt.Sprintf("thread 'worker-1' (goroutine %d)", named.goid) {
		t.Fatalf("String = %q", s)
	}
	unnamed, _ := thread.Spawn(look).Join()
	if unnamed.cur.Name != "" || unnamed.cur.ID != unnamed.goid || !strings.Contains(unnamed.cur.String(), "'<unnamed>'") {
		t.Fatalf("Current in an unnamed thread = %+v (%s)", unnamed.cur, unnamed.cur)
	}
	// Threads have distinct ids.
	if named.cur.ID == unnamed.cur.ID {
		t.Fatal("two threads share an id")
	}
	// A plain goroutine works too.
	plain := make(chan seen)
	go func() { plain <- look() }()
	if p := <-plain; p.cur.Name != "" || p.cur.ID != p.goid {
		t.Fatalf("Current in a plain goroutine = %+v", p.cur)
	}
}

func TestCurrentOnTheMainGoroutineIsMain(t *testing.T) {
	if mainThread.Name != "main" || mainThread.ID != 1 {
		t.Fatalf("Current() on the main goroutine = %+v, want main, goroutine 1", mainThread)
	}
}
