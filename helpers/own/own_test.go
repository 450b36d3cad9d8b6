package own_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/own"
	"github.com/fearless-go/fearless/helpers/thread"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func TestOwnerUsesTheValue(t *testing.T) {
	v := own.New([]string{"a"})
	v.Set(append(v.Get(), "b"))
	*v.Ptr() = append(*v.Ptr(), "c")
	if got := strings.Join(v.Get(), ""); got != "abc" || !v.Owned() {
		t.Fatalf("value %q, owned %v", got, v.Owned())
	}
	if fmt.Sprint(v) != "[a b c]" {
		t.Fatalf("Sprint = %q", fmt.Sprint(v))
	}
	if primitive.KindOf(v.TraceID()) != trace.ValueObject {
		t.Fatalf("id %d is not a value's", v.TraceID())
	}
}

func TestMoveInvalidatesTheOldHandle(t *testing.T) {
	a := own.New("text")
	line := lineHere(1)
	b := a.Move()
	if b.Get() != "text" || b.TraceID() != a.TraceID() {
		t.Fatalf("moved value %q, id %d (was %d)", b.Get(), b.TraceID(), a.TraceID())
	}
	want := fmt.Sprintf("own: use after move: the value was moved at own_test.go:%d (Rust: borrow of moved value)", line)
	for name, use := range map[string]func(){
		"Get":  func() { a.Get() },
		"Set":  func() { a.Set("x") },
		"Ptr":  func() { a.Ptr() },
		"Move": func() { a.Move() },
		"Drop": func() { a.Drop() },
	} {
		if msg := testutil.MustPanic(t, use); msg != want {
			t.Errorf("%s after Move: %q\nwant %q", name, msg, want)
		}
	}
	if a.Owned() || !b.Owned() {
		t.Fatalf("Owned: old %v, new %v", a.Owned(), b.Owned())
	}
	// fmt reports the panic of String in its output.
	if s := fmt.Sprint(a); !strings.Contains(s, "use after move") {
		t.Fatalf("Sprint of a moved value = %q", s)
	}
}

func TestDropEndsTheValue(t *testing.T) {
	v := own.New(42)
	line := lineHere(1)
	v.Drop()
	want := fmt.Sprintf("own: use after drop: the value was dropped at own_test.go:%d", line)
	if msg := testutil.MustPanic(t, func() { v.Get() }); !strings.HasPrefix(msg, want) || !strings.Contains(msg, "Rust") {
		t.Fatalf("Get after Drop: %q", msg)
	}
	if msg := testutil.MustPanic(t, v.Drop); !strings.HasPrefix(msg, want) {
		t.Fatalf("second Drop: %q", msg)
	}
}

func TestAnotherGoroutineMayNotUseIt(t *testing.T) {
	v := own.New(1)
	msg := make(chan string)
	go func() {
		defer func() { msg <- fmt.Sprint(recover()) }()
		v.Set(2) // a plain closure borrowing v: a race Rust would reject
	}()
	got := <-msg
	for _, want := range []string{"own: value used by goroutine", "but it belongs to goroutine", "thread.Move(v)"} {
		if !strings.Contains(got, want) {
			t.Errorf("panic lacks %q: %s", want, got)
		}
	}
	if v.Get() != 1 {
		t.Fatal("the refused Set changed the value")
	}
}

func TestZeroValueBelongsToItsFirstUser(t *testing.T) {
	var v own.Value[int]
	if !v.Owned() {
		t.Fatal("a zero Value is not usable")
	}
	*v.Ptr() = 3 // claims it
	if v.TraceID() == 0 || primitive.KindOf(v.TraceID()) != trace.ValueObject {
		t.Fatalf("zero value's id %d", v.TraceID())
	}
	done := make(chan string)
	go func() {
		defer func() { done <- fmt.Sprint(recover()) }()
		v.Get()
	}()
	if msg := <-done; !strings.Contains(msg, "belongs to goroutine") {
		t.Fatalf("other goroutine: %q", msg)
	}
}

func TestNilValue(t *testing.T) {
	var v *own.Value[int]
	if msg := testutil.MustPanic(t, func() { v.Get() }); !strings.Contains(msg, "nil *Value") {
		t.Fatalf("panic %q", msg)
	}
	if v.Owned() {
		t.Fatal("nil is owned")
	}
	v.MoveInto(0)() // moving nothing does nothing
}

func TestMoveIntoAThread(t *testing.T) {
	msg := own.New("hello")
	release := make(chan struct{})
	line := lineHere(1)
	h := thread.Spawn(func() string { <-release; return msg.Get() + " from the thread" }, thread.Name("printer"), thread.Move(msg))
	// The parent lost the value at Spawn, whether or not the thread has started.
	want := fmt.Sprintf(`own: use after move: the value was moved into thread "printer" at own_test.go:%d (Rust: borrow of moved value)`, line)
	if got := testutil.MustPanic(t, func() { msg.Get() }); got != want {
		t.Errorf("use after move: %q\nwant %q", got, want)
	}
	close(release)
	if got, err := h.Join(); got != "hello from the thread" || err != nil {
		t.Fatalf("Join = %q, %v", got, err)
	}
	if msg.Owned() {
		t.Fatal("the parent owns the value again after Join")
	}
}

func TestMovingTwiceRefusesTheSecondSpawnAndLosesNothing(t *testing.T) {
	a, b := own.New(1), own.New(2)
	h := thread.Go(func() { a.Get() }, thread.Move(a), thread.Name("first"))
	got := testutil.MustPanic(t, func() {
		thread.Go(func() { a.Get(); b.Get() }, thread.Move(b), thread.Move(a))
	})
	if !strings.Contains(got, `moved into thread "first"`) {
		t.Fatalf("second move: %q", got)
	}
	if b.Get() != 2 {
		t.Fatal("b was lost by the refused spawn")
	}
	// An unnamed thread is named by its number, as on timelines.
	c := own.New(3)
	h2 := thread.Go(func() { c.Get() }, thread.Move(c))
	if got := testutil.MustPanic(t, func() { c.Get() }); !strings.Contains(got, fmt.Sprintf("moved into %s at", primitive.DefaultName(h2.TraceID()))) {
		t.Fatalf("use after a move into an unnamed thread: %q", got)
	}
	if _, err := h2.Join(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Join(); err != nil {
		t.Fatal(err)
	}
}

func TestAThreadReturningItsValueGivesItToTheJoiner(t *testing.T) {
	v := own.New(10)
	h := thread.Spawn(func() *own.Value[int] {
		*v.Ptr() *= 2
		return v
	}, thread.Move(v))
	back, err := h.Join()
	if err != nil || back != v || back.Get() != 20 {
		t.Fatalf("Join = %v, %v", back, err)
	}
	back.Set(21) // the joiner owns it now
}

// Property: values moved into N threads, changed there and returned, all
// come back exactly once with their change, and none is usable by the
// parent while away.
func TestMoveRoundTripsUnderConcurrency(t *testing.T) {
	const n = 50
	handles := make([]*thread.JoinHandle[*own.Value[int]], n)
	for i := range n {
		v := own.New(i)
		handles[i] = thread.Spawn(func() *own.Value[int] {
			*v.Ptr() += 1000
			return v
		}, thread.Move(v))
		if v.Owned() {
			t.Fatalf("value %d still owned by the parent after Spawn", i)
		}
	}
	for i, h := range handles {
		v, err := h.Join()
		if err != nil || v.Get() != i+1000 {
			t.Fatalf("thread %d: %v, %v", i, v, err)
		}
	}
}

func TestRecorderSeesMovesAndDrops(t *testing.T) {
	if err := trace.Start(); err != nil {
		t.Fatal(err)
	}
	defer trace.Stop()
	v := own.New("x")
	moveLine := lineHere(1)
	w := v.Move()
	spawnLine := lineHere(1)
	h := thread.Go(func() { w.Get() }, thread.Move(w))
	h.Join()
	z := own.New(0)
	dropLine := lineHere(1)
	z.Drop()
	rec := trace.Stop()
	var got []string
	for _, e := range rec.Events {
		if e.Kind != trace.Move && e.Kind != trace.Free {
			continue
		}
		at := "<none>"
		if e.Site != nil {
			at = fmt.Sprintf("%s:%d", e.Site.File[strings.LastIndexByte(e.Site.File, '/')+1:], e.Site.Line)
		}
		got = append(got, fmt.Sprintf("%s obj=%v val=%v %s", e.Kind, e.Object == v.TraceID() || e.Object == z.TraceID(), e.Value, at))
	}
	want := []string{
		fmt.Sprintf("move obj=true val=0 own_test.go:%d", moveLine),
		fmt.Sprintf("move obj=true val=%d own_test.go:%d", h.TraceID(), spawnLine),
		fmt.Sprintf("free obj=true val=0 own_test.go:%d", dropLine),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
