package callers

import "testing"

type probe struct{ seen *[]bool }

//go:noinline
func (p probe) unlock() { *p.seen = append(*p.seen, Panicking()) }

// TestPanickingSeesEveryDeferForm: a deferred call knows it runs during a
// panic however it was deferred, and not otherwise.
func TestPanickingSeesEveryDeferForm(t *testing.T) {
	var seen []bool
	p := probe{&seen}
	func() {
		defer func() { recover() }()
		defer p.unlock()                           // a method value
		defer func() { p.unlock() }()              // a closure
		defer func() { func() { p.unlock() }() }() // deeper
		panic("boom")
	}()
	func() {
		defer p.unlock()
		defer func() { p.unlock() }()
	}()
	p.unlock()
	want := []bool{true, true, true, false, false, false}
	if len(seen) != len(want) {
		t.Fatalf("seen %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("seen %v, want %v", seen, want)
		}
	}
	// After a recover, the deferred functions that follow run normally.
	func() {
		defer p.unlock()
		defer func() { recover() }()
		panic("boom")
	}()
	if seen[len(seen)-1] {
		t.Fatal("Panicking after recover")
	}
}

func BenchmarkPanicking(b *testing.B) {
	for b.Loop() {
		Panicking()
	}
}
