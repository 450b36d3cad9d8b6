package rc_test

import (
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/rc"
	"github.com/fearless-go/fearless/helpers/trace"
	"github.com/fearless-go/fearless/helpers/trace/primitive"
)

func TestOwnersShareOneValue(t *testing.T) {
	a := rc.New([]int{1, 2, 3})
	b := a.Clone()
	if &a.Get()[0] != &b.Get()[0] {
		t.Fatal("a clone copied the value")
	}
	if a.TraceID() != b.TraceID() || primitive.KindOf(a.TraceID()) != trace.RcObject {
		t.Fatalf("ids %d and %d, want one id of kind rc", a.TraceID(), b.TraceID())
	}
	if other := rc.New(0); other.TraceID() == a.TraceID() {
		t.Fatal("two values share an id")
	}
	b.Drop()
	a.Drop()
}

func TestStrongCountAndDropFunction(t *testing.T) {
	var dropped []string
	a := rc.New("tree", rc.OnDrop(func(v string) { dropped = append(dropped, v) }))
	if n := a.StrongCount(); n != 1 {
		t.Fatalf("new Rc: strong count %d, want 1", n)
	}
	b := a.Clone()
	c := b.Clone()
	if n := c.StrongCount(); n != 3 {
		t.Fatalf("after two clones: strong count %d, want 3", n)
	}
	a.Drop()
	if n := b.StrongCount(); n != 2 || b.Get() != "tree" || len(dropped) != 0 {
		t.Fatalf("after one drop: count %d, value %q, drop ran %d times", n, b.Get(), len(dropped))
	}
	c.Drop()
	b.Drop()
	if len(dropped) != 1 || dropped[0] != "tree" {
		t.Fatalf("drop function ran with %q, want once with tree", dropped)
	}
}

func TestNoDropFunctionIsFine(t *testing.T) {
	r := rc.New(1, rc.OnDrop[int](nil))
	r.Clone().Drop()
	r.Drop()
}

func TestLastDropReleasesTheValue(t *testing.T) {
	v := new([1024]byte)
	w := weak.Make(v)
	a := rc.New(v)
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

func TestUseAfterDropIsCaught(t *testing.T) {
	a := rc.New(1)
	b := a.Clone()
	b.Drop()
	for name, use := range map[string]func(){
		"Get":         func() { b.Get() },
		"Clone":       func() { b.Clone() },
		"StrongCount": func() { b.StrongCount() },
	} {
		msg := testutil.MustPanic(t, use)
		if msg != "rc: use after drop (Rust rejects this at compile time: the Rc was moved into drop)" {
			t.Errorf("%s after Drop: panic %q", name, msg)
		}
	}
	if msg := testutil.MustPanic(t, b.Drop); msg != "rc: Drop called twice on the same Rc (Rust rejects this at compile time: the Rc was moved into drop)" {
		t.Errorf("second Drop: panic %q", msg)
	}
	if n := a.StrongCount(); n != 1 {
		t.Fatalf("strong count %d after misuse, want 1", n)
	}
	a.Drop()
}

func TestZeroAndNilRcAreRefused(t *testing.T) {
	var zero rc.Rc[int]
	var nilRc *rc.Rc[int]
	for name, use := range map[string]func(){
		"zero Get":     func() { zero.Get() },
		"zero Drop":    func() { zero.Drop() },
		"zero TraceID": func() { zero.TraceID() },
		"nil Clone":    func() { nilRc.Clone() },
		"nil Drop":     func() { nilRc.Drop() },
		"nil Count":    func() { nilRc.StrongCount() },
	} {
		if msg := testutil.MustPanic(t, use); !strings.Contains(msg, "nil or zero Rc") {
			t.Errorf("%s: panic %q", name, msg)
		}
	}
}

func TestCopiedRcIsCaught(t *testing.T) {
	ran := 0
	a := rc.New(1, rc.OnDrop(func(int) { ran++ }))
	b := testutil.CopyOf(a)
	a.Drop()
	if msg := testutil.MustPanic(t, func() { b.Get() }); !strings.Contains(msg, "use after the value was freed") {
		t.Errorf("Get on a copy after the free: %q", msg)
	}
	if msg := testutil.MustPanic(t, b.Drop); !strings.Contains(msg, "copied with *r instead of cloned") {
		t.Errorf("Drop of a copy: %q", msg)
	}
	if ran != 1 {
		t.Fatalf("drop function ran %d times", ran)
	}
}

// A panicking drop function panics out of the last Drop, as a panicking
// Drop impl does in Rust; the owner counts as dropped all the same.
func TestDropFunctionPanicGoesOn(t *testing.T) {
	r := rc.New(7, rc.OnDrop(func(int) { panic("drop failed") }))
	if msg := testutil.MustPanic(t, r.Drop); msg != "drop failed" {
		t.Fatalf("panic %q", msg)
	}
	if msg := testutil.MustPanic(t, r.Drop); !strings.Contains(msg, "called twice") {
		t.Fatalf("Drop after a panicking drop: %q", msg)
	}
}
