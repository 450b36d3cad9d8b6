package arc_test

import (
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func TestOwnersShareOneValue(t *testing.T) {
	a := arc.New([]int{1, 2, 3})
	b := a.Clone()
	if &a.Get()[0] != &b.Get()[0] {
		t.Fatal("a clone copied the value")
	}
	if a.TraceID() != b.TraceID() || primitive.KindOf(a.TraceID()) != trace.ArcObject {
		t.Fatalf("ids %d and %d, want one id of kind arc", a.TraceID(), b.TraceID())
	}
	if other := arc.New(0); other.TraceID() == a.TraceID() {
		t.Fatal("two values share an id")
	}
	b.Drop()
	a.Drop()
}

func TestStrongCountAndDropFunction(t *testing.T) {
	var dropped []string
	a := arc.New("config", arc.OnDrop(func(v string) { dropped = append(dropped, v) }))
	if n := a.StrongCount(); n != 1 {
		t.Fatalf("new Arc: strong count %d, want 1", n)
	}
	b := a.Clone()
	c := b.Clone()
	if n := c.StrongCount(); n != 3 {
		t.Fatalf("after two clones: strong count %d, want 3", n)
	}
	a.Drop() // the first owner may go first: the value lives on
	if n := b.StrongCount(); n != 2 || b.Get() != "config" || len(dropped) != 0 {
		t.Fatalf("after one drop: count %d, value %q, drop ran %d times", n, b.Get(), len(dropped))
	}
	c.Drop()
	b.Drop()
	if len(dropped) != 1 || dropped[0] != "config" {
		t.Fatalf("drop function ran with %q, want once with config", dropped)
	}
}

func TestNoDropFunctionIsFine(t *testing.T) {
	a := arc.New(1, arc.OnDrop[int](nil))
	a.Clone().Drop()
	a.Drop()
}

// The last Drop lets go of the value, even while dropped owners are still
// referenced: the garbage collector can then take it.
func TestLastDropReleasesTheValue(t *testing.T) {
	v := new([1024]byte)
	w := weak.Make(v)
	a := arc.New(v)
	b := a.Clone()
	v = nil
	a.Drop()
	runtime.GC()
	if w.Value() == nil {
		t.Fatal("the value was collected while an owner was left")
	}
	b.Drop()
	runtime.GC()
	if w.Value() != nil {
		t.Fatal("the value is still reachable after the last Drop")
	}
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
}

// A panicking drop function panics out of the last Drop, as a panicking
// Drop impl does in Rust; the value is released all the same.
func TestDropFunctionPanicGoesOn(t *testing.T) {
	a := arc.New(7, arc.OnDrop(func(int) { panic("drop failed") }))
	if msg := testutil.MustPanic(t, a.Drop); msg != "drop failed" {
		t.Fatalf("panic %q", msg)
	}
	if msg := testutil.MustPanic(t, a.Drop); !strings.Contains(msg, "called twice") {
		t.Fatalf("Drop after a panicking drop: %q", msg)
	}
}

func TestUseAfterDropIsCaught(t *testing.T) {
	a := arc.New(1)
	b := a.Clone()
	b.Drop()
	for name, use := range map[string]func(){
		"Get":         func() { b.Get() },
		"Clone":       func() { b.Clone() },
		"StrongCount": func() { b.StrongCount() },
	} {
		msg := testutil.MustPanic(t, use)
		if msg != "arc: use after drop (Rust rejects this at compile time: the Arc was moved into drop)" {
			t.Errorf("%s after Drop: panic %q", name, msg)
		}
	}
	if msg := testutil.MustPanic(t, b.Drop); msg != "arc: Drop called twice on the same Arc (Rust rejects this at compile time: the Arc was moved into drop)" {
		t.Errorf("second Drop: panic %q", msg)
	}
	// The misuse changed nothing for the owner that is left.
	if n := a.StrongCount(); n != 1 {
		t.Fatalf("strong count %d after misuse, want 1", n)
	}
	if a.TraceID() != b.TraceID() {
		t.Fatal("TraceID of a dropped owner changed")
	}
	a.Drop()
}

func TestZeroAndNilArcAreRefused(t *testing.T) {
	var zero arc.Arc[int]
	var nilArc *arc.Arc[int]
	for name, use := range map[string]func(){
		"zero Get":     func() { zero.Get() },
		"zero Drop":    func() { zero.Drop() },
		"zero TraceID": func() { zero.TraceID() },
		"nil Clone":    func() { nilArc.Clone() },
		"nil Drop":     func() { nilArc.Drop() },
		"nil Count":    func() { nilArc.StrongCount() },
	} {
		if msg := testutil.MustPanic(t, use); !strings.Contains(msg, "nil or zero Arc") {
			t.Errorf("%s: panic %q", name, msg)
		}
	}
}

// Copying the struct (b := *a) makes an owner the count does not know of.
// Rust cannot copy an Arc; here the extra Drop or a use after the free panics.
func TestCopiedArcIsCaught(t *testing.T) {
	ran := 0
	a := arc.New(1, arc.OnDrop(func(int) { ran++ }))
	b := testutil.CopyOf(a)
	a.Drop() // count 0: the value is freed, although b still looks alive
	if ran != 1 {
		t.Fatalf("drop function ran %d times", ran)
	}
	if msg := testutil.MustPanic(t, func() { b.Get() }); !strings.Contains(msg, "use after the value was freed") {
		t.Errorf("Get on a copy after the free: %q", msg)
	}
	if msg := testutil.MustPanic(t, func() { b.Clone() }); !strings.Contains(msg, "use after the value was freed") {
		t.Errorf("Clone on a copy after the free: %q", msg)
	}
	if msg := testutil.MustPanic(t, b.Drop); !strings.Contains(msg, "copied with *a instead of cloned") {
		t.Errorf("Drop of a copy: %q", msg)
	}
	if ran != 1 {
		t.Fatalf("drop function ran %d times", ran)
	}
}
