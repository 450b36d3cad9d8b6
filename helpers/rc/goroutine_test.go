package rc_test

import (
	"fmt"
	"github.com/fearless-go/fearless/helpers/internal/where"
	"regexp"
	"testing"

	"github.com/petermattis/goid"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/rc"
	"github.com/fearless-go/fearless/helpers/trace"
)

// onOtherGoroutine runs f on a new goroutine and returns what it panicked
// with, and that goroutine's id.
func onOtherGoroutine(f func()) (msg string, g int64) {
	type result struct {
		msg string
		g   int64
	}
	done := make(chan result)
	go func() {
		g := goid.Get()
		defer func() {
			r := recover()
			msg := fmt.Sprint(r)
			if m, ok := r.(*where.Misuse); ok {
				msg = m.Msg // the location is tested on its own
			}
			done <- result{msg, g}
		}()
		f()
	}()
	r := <-done
	return r.msg, r.g
}

// Every method refuses to run on a goroutine other than the creator's, with
// Rust's words, and before it touches the count: the race detector sees no
// race, and the count is unchanged.
func TestUseOnAnotherGoroutineIsRefused(t *testing.T) {
	dropped := 0
	r := rc.New("local", rc.OnDrop(func(string) { dropped++ }))
	clone := r.Clone() // clones belong to the creator too
	creator := goid.Get()
	for name, use := range map[string]func(){
		"Get":         func() { r.Get() },
		"Clone":       func() { r.Clone() },
		"StrongCount": func() { clone.StrongCount() },
		"Drop":        func() { clone.Drop() },
	} {
		msg, g := onOtherGoroutine(use)
		want := fmt.Sprintf("rc: %s called on goroutine %d, but the Rc was created on goroutine %d "+
			"(Rust rejects this at compile time: `Rc<T>` cannot be sent between threads safely, "+
			"the trait `Send` is not implemented; use arc.Arc to share across goroutines)", name, g, creator)
		if msg != want {
			t.Errorf("%s on another goroutine:\n got %s\nwant %s", name, msg, want)
		}
	}
	if n := r.StrongCount(); n != 2 || dropped != 0 {
		t.Fatalf("after refused uses: count %d (want 2), drop ran %d times", n, dropped)
	}
	clone.Drop() // the refused Drop did not count: this one does
	r.Drop()
	if dropped != 1 {
		t.Fatalf("drop function ran %d times, want 1", dropped)
	}
	// TraceID only names the value, so any goroutine may ask.
	if msg, _ := onOtherGoroutine(func() { _ = r.TraceID() }); msg != "<nil>" {
		t.Fatalf("TraceID on another goroutine panicked: %s", msg)
	}
}

// An Rc stays bound to its creator after the creator has finished: a
// goroutine that receives it later still may not use it.
func TestUseAfterCreatorFinishedIsRefused(t *testing.T) {
	made := make(chan *rc.Rc[int])
	go func() { made <- rc.New(42) }()
	r := <-made // the creator has returned (or is about to): it can never use r again
	msg := testutil.MustPanic(t, func() { r.Get() })
	if !regexp.MustCompile(`^rc: Get called on goroutine \d+, but the Rc was created on goroutine \d+ \(Rust rejects this at compile time: .Rc<T>. cannot be sent between threads safely`).MatchString(msg) {
		t.Fatalf("panic %q", msg)
	}
	// Nor can any other goroutine: it is stuck, as Rust would never have let it be.
	if msg, _ := onOtherGoroutine(func() { r.Drop() }); !regexp.MustCompile(`^rc: Drop called on goroutine \d+`).MatchString(msg) {
		t.Fatalf("panic %q", msg)
	}
}

// Named goroutines are named in the message; two with the same name are told
// apart by their ids.
func TestMessageUsesGoroutineNames(t *testing.T) {
	made := make(chan *rc.Rc[int])
	done := make(chan struct{})
	go func() {
		trace.NameGoroutine("worker")
		made <- rc.New(1)
		<-done
	}()
	defer close(done)
	r := <-made
	msg, _ := onOtherGoroutine(func() {
		trace.NameGoroutine("ui")
		r.Get()
	})
	if !regexp.MustCompile(`^rc: Get called on goroutine "ui", but the Rc was created on goroutine "worker" \(Rust`).MatchString(msg) {
		t.Fatalf("panic %q", msg)
	}
	msg, g := onOtherGoroutine(func() {
		trace.NameGoroutine("worker")
		r.Get()
	})
	want := fmt.Sprintf(`rc: Get called on goroutine "worker" (%d), but the Rc was created on goroutine "worker" (`, g)
	if len(msg) < len(want) || msg[:len(want)] != want {
		t.Fatalf("panic %q\nwant it to start %q", msg, want)
	}
}

// The owner keeps cloning and dropping while another goroutine tries to.
// Every try is refused, the count stays exact, and — because the check
// comes before the count is touched — the race detector finds nothing.
func TestMisuseWhileOwnerWorksDoesNotRace(t *testing.T) {
	const tries = 500
	r := rc.New(0)
	start := make(chan struct{})
	refused := make(chan int)
	go func() {
		n := 0
		<-start
		for range tries {
			func() {
				defer func() {
					if recover() != nil {
						n++
					}
				}()
				r.Clone().Drop()
			}()
		}
		refused <- n
	}()
	close(start)
	for range tries {
		c := r.Clone()
		c.Get()
		c.Drop()
	}
	if n := <-refused; n != tries {
		t.Fatalf("%d of %d tries refused", n, tries)
	}
	if n := r.StrongCount(); n != 1 {
		t.Fatalf("strong count %d, want 1", n)
	}
	r.Drop()
}
