package async_test

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fearless-go/fearless/helpers/async"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
)

func TestFuturesAreLazy(t *testing.T) {
	var runs atomic.Int32
	count := func() int { return int(runs.Add(1)) }
	f := async.New(count)
	g := async.New(count)
	if n := runs.Load(); n != 0 {
		t.Fatalf("New ran the function: %d runs", n)
	}
	got := block(t, func() int {
		inner := async.New(count) // made inside a task: still lazy
		if n := runs.Load(); n != 0 {
			t.Errorf("making a future inside a task ran something: %d runs", n)
		}
		return f.Await() + inner.Await()
	})
	if got != 1+2 || runs.Load() != 2 {
		t.Fatalf("result %d after %d runs, want 3 after 2", got, runs.Load())
	}
	if _, err := async.BlockOn(g); err != nil || runs.Load() != 3 {
		t.Fatalf("BlockOn of a fresh future: err %v, %d runs", err, runs.Load())
	}
}

func TestAwaitRunsInlineInOrder(t *testing.T) {
	var log []string // no lock: awaits run one after another on one task
	step := func(name string) *async.Future[string] {
		return async.New(func() string {
			log = append(log, name+" start")
			async.Sleep(time.Millisecond)
			log = append(log, name+" end")
			return name
		})
	}
	got := block(t, func() string { return step("a").Await() + step("b").Await() })
	if got != "ab" || strings.Join(log, ", ") != "a start, a end, b start, b end" {
		t.Fatalf("result %q, log %q", got, log)
	}
}

func TestFutureUsedTwicePanics(t *testing.T) {
	f := async.New(func() int { return 1 })
	var msg string
	block(t, func() int {
		f.Await()
		msg = testutil.MustPanic(t, func() { f.Await() })
		return 0
	})
	if msg != "async: future awaited twice (Rust rejects this at compile time: .await consumes the future)" {
		t.Fatalf("second Await: %q", msg)
	}
	block(t, func() int {
		msg = testutil.MustPanic(t, func() { async.Spawn(f) })
		return 0
	})
	if !strings.Contains(msg, "future given to Spawn after Await consumed it") || !strings.Contains(msg, "use of moved value") {
		t.Fatalf("Spawn after Await: %q", msg)
	}
	if _, err := async.BlockOn(f); err == nil || !strings.Contains(err.Error(), "given to BlockOn after Await consumed it") {
		t.Fatalf("BlockOn after Await: %v", err)
	}
}

func TestAwaitPointsOutsideATaskPanic(t *testing.T) {
	f := async.New(func() int { return 1 })
	for name, call := range map[string]func(){
		"Future.Await": func() { f.Await() },
		"async.Sleep":  func() { async.Sleep(time.Millisecond) },
		"Join":         func() { async.Join(f) },
		"Handle.Await": func() { (&async.Handle[int]{}).Await() },
	} {
		msg := testutil.MustPanic(t, call)
		if !strings.HasPrefix(msg, "async: "+name+" called outside an async task") ||
			!strings.Contains(msg, "`await` is only allowed inside `async` functions and blocks") {
			t.Errorf("%s outside a task: %q", name, msg)
		}
	}
	msg := testutil.MustPanic(t, func() { async.Spawn(f) })
	if !strings.HasPrefix(msg, "async: Spawn called outside an async task") || !strings.Contains(msg, "tokio::spawn") {
		t.Errorf("Spawn outside a task: %q", msg)
	}
	// None of these consumed f.
	if got := block(t, f.Await); got != 1 {
		t.Fatalf("f after the refusals = %d", got)
	}
}

// A goroutine started inside a task is not a task, as a thread spawned from
// an async fn is not in async context.
func TestGoroutineInsideTaskIsNotATask(t *testing.T) {
	msg := block(t, func() string {
		got := make(chan string)
		go func() { got <- testutil.MustPanic(t, func() { async.Sleep(0) }) }()
		return <-got
	})
	if !strings.Contains(msg, "outside an async task") {
		t.Fatalf("async.Sleep on a plain goroutine: %q", msg)
	}
}

func TestNilInputIsRefusedClearly(t *testing.T) {
	if msg := testutil.MustPanic(t, func() { async.New[int](nil) }); !strings.Contains(msg, "New(nil)") {
		t.Errorf("New(nil): %q", msg)
	}
	if _, err := async.BlockOn[int](nil); err == nil || !strings.Contains(err.Error(), "BlockOn of a nil *Future") {
		t.Errorf("BlockOn(nil): %v", err)
	}
	var spawnMsg, awaitMsg, zeroMsg string
	block(t, func() int {
		spawnMsg = testutil.MustPanic(t, func() { async.Spawn[int](nil) })
		awaitMsg = testutil.MustPanic(t, func() { (*async.Handle[int])(nil).Await() })
		zeroMsg = testutil.MustPanic(t, func() { new(async.Handle[int]).Await() })
		return 0
	})
	if !strings.Contains(spawnMsg, "Spawn of a nil *Future") || !strings.Contains(awaitMsg, "nil or zero Handle") || zeroMsg != awaitMsg {
		t.Errorf("Spawn(nil): %q; nil handle: %q; zero handle: %q", spawnMsg, awaitMsg, zeroMsg)
	}
	if id := new(async.Handle[int]).TraceID(); id != 0 {
		t.Errorf("zero handle has TraceID %d", id)
	}
}
