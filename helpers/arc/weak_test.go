package arc_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/fearless-go/fearless/helpers/arc"
	"github.com/fearless-go/fearless/helpers/internal/benchcmp"
	"github.com/fearless-go/fearless/helpers/internal/testutil"
	"github.com/fearless-go/fearless/helpers/trace"
)

func TestWeakUpgradesWhileOwned(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		dropped := 0
		a := arc.New("parent", arc.OnDrop(func(string) { dropped++ }))
		w := a.Downgrade()
		if a.StrongCount() != 1 || a.WeakCount() != 1 || w.StrongCount() != 1 {
			t.Fatalf("counts after Downgrade: strong %d, weak %d", a.StrongCount(), a.WeakCount())
		}
		b, ok := w.Upgrade()
		if !ok || b.Get() != "parent" || a.StrongCount() != 2 {
			t.Fatalf("Upgrade = %v, %v; strong count %d", b, ok, a.StrongCount())
		}
		b.Drop()
		a.Drop()
		if dropped != 1 {
			t.Fatalf("drop function ran %d times with a Weak left, want 1 (a Weak does not keep the value)", dropped)
		}
		if b, ok := w.Upgrade(); ok || b != nil {
			t.Fatal("Upgrade after the last owner dropped succeeded")
		}
		if w.StrongCount() != 0 {
			t.Fatalf("Weak.StrongCount = %d after the value was dropped", w.StrongCount())
		}
		w2 := w.Clone()
		w.Drop()
		w2.Drop()
		if msg := testutil.MustPanic(t, func() { w.Upgrade() }); !strings.HasPrefix(msg, "arc: Weak used after Drop") {
			t.Fatalf("Upgrade after Drop: %q", msg)
		}
		if msg := testutil.MustPanic(t, func() { w.Drop() }); !strings.HasPrefix(msg, "arc: Weak used after Drop") {
			t.Fatalf("second Drop: %q", msg)
		}
	})
}

func TestWeakCountFollowsCloneAndDrop(t *testing.T) {
	a := arc.New(1)
	defer a.Drop()
	w1 := a.Downgrade()
	w2 := w1.Clone()
	if a.WeakCount() != 2 {
		t.Fatalf("weak count %d, want 2", a.WeakCount())
	}
	w1.Drop()
	w2.Drop()
	if a.WeakCount() != 0 || a.StrongCount() != 1 {
		t.Fatalf("after dropping the Weaks: weak %d strong %d", a.WeakCount(), a.StrongCount())
	}
}

// Property: racing Upgrades against the last Drop, every Upgrade either gets
// a live owner that sees the value, or fails; the drop function runs once,
// after every upgraded owner has dropped.
func TestUpgradeRacesWithLastDrop(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		for range 50 {
			var drops int
			var mu sync.Mutex
			a := arc.New([]int{7}, arc.OnDrop(func([]int) { mu.Lock(); drops++; mu.Unlock() }))
			w := a.Downgrade()
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					if b, ok := w.Upgrade(); ok {
						if b.Get()[0] != 7 {
							t.Error("upgraded owner sees a freed value")
						}
						b.Drop()
					}
				})
			}
			a.Drop()
			wg.Wait()
			w.Drop()
			if drops != 1 {
				t.Fatalf("drop function ran %d times", drops)
			}
		}
	})
}

func TestTryUnwrap(t *testing.T) {
	testutil.Modes(t, func(t *testing.T) {
		ran := false
		a := arc.New(Config{Name: "prod"}, arc.OnDrop(func(Config) { ran = true }))
		b := a.Clone()
		if _, ok := a.TryUnwrap(); ok {
			t.Fatal("TryUnwrap succeeded with two owners")
		}
		if a.Get().Name != "prod" {
			t.Fatal("a failed TryUnwrap spoiled the owner")
		}
		b.Drop()
		w := a.Downgrade()
		defer w.Drop()
		v, ok := a.TryUnwrap()
		if !ok || v.Name != "prod" {
			t.Fatalf("TryUnwrap of the only owner = %v, %v", v, ok)
		}
		if ran {
			t.Error("TryUnwrap ran the drop function: the value was handed back, not dropped")
		}
		if _, ok := w.Upgrade(); ok {
			t.Error("a Weak upgraded after TryUnwrap took the value")
		}
		if msg := testutil.MustPanic(t, func() { a.Get() }); !strings.HasPrefix(msg, "arc: use after drop") {
			t.Errorf("Get after TryUnwrap: %q", msg)
		}
	})
}

func TestGetMutOnlyForTheSoleOwner(t *testing.T) {
	a := arc.New(Config{Retries: 1})
	p, ok := a.GetMut()
	if !ok {
		t.Fatal("GetMut refused the only owner")
	}
	p.Retries = 5
	if a.Get().Retries != 5 {
		t.Fatal("the change through GetMut was lost")
	}
	b := a.Clone()
	if _, ok := a.GetMut(); ok {
		t.Fatal("GetMut with two owners")
	}
	b.Drop()
	w := a.Downgrade()
	if _, ok := a.GetMut(); ok {
		t.Fatal("GetMut with a Weak")
	}
	w.Drop()
	a.Drop()
}

func TestGetReturnsACopy(t *testing.T) {
	a := arc.New(Config{Retries: 3})
	defer a.Drop()
	c := a.Get()
	c.Retries = 5
	if a.Get().Retries != 3 {
		t.Fatal("Get did not copy")
	}
}

func TestPtrEq(t *testing.T) {
	a := arc.New(Config{Name: "x"})
	b := a.Clone()
	c := arc.New(Config{Name: "x"})
	if !arc.PtrEq(a, b) || arc.PtrEq(a, c) {
		t.Fatal("PtrEq compares values instead of owners' shared value")
	}
	a.Drop()
	b.Drop()
	c.Drop()
}

func TestNameAndOnDropType(t *testing.T) {
	testutil.Record(t)
	a := arc.New(1, arc.Name("config"))
	a.Clone().Drop()
	if got := trace.Snapshot().ObjectName(a.TraceID()); got != "config" {
		t.Errorf("recording names the arc %q, want config", got)
	}
	a.Drop()
	msg := testutil.MustPanic(t, func() { arc.New("s", arc.OnDrop(func(int) {})) })
	if !strings.Contains(msg, "OnDrop's function takes int, but the Arc holds string") {
		t.Errorf("mismatched OnDrop: %q", msg)
	}
}

// BenchmarkUpgrade compares Upgrade+Drop of a Weak with the compare-and-swap
// and add an atomic count needs at least, in the same run.
func BenchmarkUpgrade(b *testing.B) {
	raw := func(n int) {
		var c atomic.Int64
		c.Store(1)
		for range n {
			for {
				v := c.Load()
				if c.CompareAndSwap(v, v+1) {
					break
				}
			}
			c.Add(-1)
		}
	}
	fearless := func(n int) {
		a := arc.New(0)
		w := a.Downgrade()
		for range n {
			u, _ := w.Upgrade()
			u.Drop()
		}
	}
	benchcmp.Compare(b, raw, fearless)
}
