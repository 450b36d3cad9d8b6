package rc_test

import (
	"strings"
	"testing"

	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/rc"
	"github.com/fearless-go/fearless/helpers/trace"
)

func TestWeak(t *testing.T) {
	for _, recording := range []bool{false, true} {
		if recording {
			testutil.Record(t)
		}
		dropped := 0
		r := rc.New("parent", rc.OnDrop(func(string) { dropped++ }))
		w := r.Downgrade()
		w2 := w.Clone()
		if r.WeakCount() != 2 || w.StrongCount() != 1 {
			t.Fatalf("weak %d strong %d", r.WeakCount(), w.StrongCount())
		}
		u, ok := w.Upgrade()
		if !ok || u.Get() != "parent" || r.StrongCount() != 2 {
			t.Fatalf("Upgrade = %v %v", u, ok)
		}
		if _, ok := r.GetMut(); ok {
			t.Fatal("GetMut with two owners and two Weaks")
		}
		u.Drop()
		r.Drop()
		if dropped != 1 {
			t.Fatalf("drop ran %d times", dropped)
		}
		if _, ok := w.Upgrade(); ok || w.StrongCount() != 0 {
			t.Fatal("Upgrade after the last Drop succeeded")
		}
		w.Drop()
		w2.Drop()
		if msg := testutil.MustPanic(t, func() { w.Drop() }); !strings.HasPrefix(msg, "rc: Weak used after Drop") {
			t.Fatalf("second Drop: %q", msg)
		}
	}
}

func TestWeakRefusesOtherGoroutines(t *testing.T) {
	r := rc.New(1)
	w := r.Downgrade()
	done := make(chan string)
	go func() {
		defer func() { done <- testutil.MustPanic(t, func() { w.Upgrade() }) }()
	}()
	if msg := <-done; !strings.Contains(msg, "cannot be sent between threads safely") {
		t.Fatalf("Upgrade on another goroutine: %q", msg)
	}
	w.Drop()
	r.Drop()
}

func TestTryUnwrapGetMutPtrEq(t *testing.T) {
	r := rc.New([]int{1}, rc.Name("list"))
	c := r.Clone()
	if !rc.PtrEq(r, c) || rc.PtrEq(r, rc.New([]int{1})) {
		t.Fatal("PtrEq")
	}
	if _, ok := r.TryUnwrap(); ok {
		t.Fatal("TryUnwrap with two owners")
	}
	c.Drop()
	p, ok := r.GetMut()
	if !ok {
		t.Fatal("GetMut refused the only owner")
	}
	*p = append(*p, 2)
	v, ok := r.TryUnwrap()
	if !ok || len(v) != 2 {
		t.Fatalf("TryUnwrap = %v %v", v, ok)
	}
	if msg := testutil.MustPanic(t, func() { r.Get() }); !strings.HasPrefix(msg, "rc: use after drop") {
		t.Fatalf("Get after TryUnwrap: %q", msg)
	}
}

func TestNameAndOnDropType(t *testing.T) {
	testutil.Record(t)
	r := rc.New(1, rc.Name("tree"))
	r.Clone().Drop()
	if got := trace.Snapshot().ObjectName(r.TraceID()); got != "tree" {
		t.Errorf("recording names the rc %q, want tree", got)
	}
	r.Drop()
	msg := testutil.MustPanic(t, func() { rc.New("s", rc.OnDrop(func(int) {})) })
	if !strings.Contains(msg, "OnDrop's function takes int, but the Rc holds string") {
		t.Errorf("mismatched OnDrop: %q", msg)
	}
}
